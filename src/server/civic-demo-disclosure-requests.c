/* civic-demo-disclosure-requests.c — the demo's requests for information, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-accounts.h"
#include "civic-core-enums.h"
#include "civic-demo.h"
#include "civic-demo-disclosures-private.h"
#include "civic-disclosure-request-kind.h"
#include "civic-id-numbers.h"
#include "civic-json.h"
#include "civic-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A year of requests for government information (OGI Arts. 27–45) to the
 * organs whose disclosure offices the demo staffed, half of them to the
 * demo department, so that the Requests side has one at every step: just
 * received, asked to correct (and corrected, or given up), a third party
 * consulted (consenting or objecting), extended, replied in each of the
 * usual ways, withdrawn. Each is planned from data/demo/disclosures.json
 * ("requests"), then every step of every request is played in the order
 * of time through the request kind's rules and the store's finish, as the
 * disclosures are: the notices, letters and replies are numbered and
 * rendered as the service issues them. A step whose day has not come
 * yet is not taken, so the open ones stand where they would today. */

/* The generator's own stream of the demo's seed: "requ" */
#define STREAM 0x72657175

#define OFFICE_OPENS  (8 * 60 + 30)
#define OFFICE_CLOSES (17 * 60 + 30)

typedef enum
{
  FATE_REPLIED,
  FATE_CONSULTED,        /* replied after a third party was consulted */
  FATE_CORRECTED,        /* replied after a correction */
  FATE_EXTENDED,         /* replied late in an extension */
  FATE_ABANDONED,
  FATE_WITHDRAWN,
  FATE_OPEN,             /* received in the last days */
  FATE_CORRECTING,       /* waiting for the applicant's correction */
  FATE_CONSULTING,       /* waiting for the third party */
  FATE_WORKING,          /* corrected in the last days, the reply being written */
  N_FATES
} Fate;

typedef struct _Request Request;

typedef struct
{
  Request                       *request;
  CivicDisclosureRequestAction   action;
  CivicActor                    *actor;
  gint64                         at;
  guint                          order;
  JsonObject                    *args;
} Step;

struct _Request
{
  char                           *id;
  const char                     *department_id;
  const CivicDemoDisclosureStaff *staff;
  GPtrArray                      *steps;     /* Step */
  GObject                        *record;
  guint                          applied;
  gboolean                       stopped;
};

typedef struct
{
  CivicDemoGen                   gen;
  JsonObject                    *words;     /* "requests" */
  CivicActor                    *system;
  GPtrArray                     *organs;    /* JsonObject of departments.json with staff */
  GPtrArray                     *requests;
  GPtrArray                     *steps;
  guint                          order;
} Gen;

static void
step_free (Step *step)
{
  g_clear_pointer (&step->args, json_object_unref);
  g_free (step);
}

static void
request_free (Request *request)
{
  g_free (request->id);
  g_ptr_array_unref (request->steps);
  g_clear_object (&request->record);
  g_free (request);
}

static const char *
words (Gen        *gen,
       const char *name)
{
  return civic_demo_pick_string (&gen->gen, json_object_get_array_member (gen->words, name));
}

/* {name} in @template, each from @pairs: "name", value, …, NULL */
static char *
fill (const char *template,
      ...)
{
  g_autoptr(GString) out = g_string_new (template);
  va_list ap;
  const char *name;

  va_start (ap, template);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      g_autofree char *mark = g_strconcat ("{", name, "}", NULL);

      g_string_replace (out, mark, value, 0);
    }
  va_end (ap);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Who asks */

static char *
person_name (Gen *gen)
{
  JsonArray *surnames = json_object_get_array_member (gen->gen.input->people, "surnames");
  JsonArray *given = json_object_get_array_member (gen->gen.input->people, "given_chars");
  const char *surname = civic_demo_pick_string (&gen->gen, surnames);
  const char *first = civic_demo_pick_string (&gen->gen, given);

  if (civic_demo_chance (&gen->gen, 0.3))
    return g_strconcat (surname, first, NULL);
  return g_strconcat (surname, first, civic_demo_pick_string (&gen->gen, given), NULL);
}

static JsonObject *
pick_district (Gen         *gen,
               const char **city)
{
  JsonObject *addresses = json_object_get_object_member (gen->gen.input->people, "addresses");
  JsonArray *cities = json_object_get_array_member (addresses, "cities");
  JsonObject *chosen = json_array_get_object_element (
    cities, civic_demo_rand_range (&gen->gen, 0, json_array_get_length (cities) - 1));
  JsonArray *districts = json_object_get_array_member (chosen, "districts");

  *city = json_object_get_string_member (chosen, "city");
  return json_array_get_object_element (
    districts, civic_demo_rand_range (&gen->gen, 0, json_array_get_length (districts) - 1));
}

static void
add_applicant (Gen        *gen,
               JsonObject *args)
{
  JsonObject *addresses = json_object_get_object_member (gen->gen.input->people, "addresses");
  const char *city = NULL;
  JsonObject *district = pick_district (gen, &city);
  const char *code = json_object_get_string_member (district, "code");
  const char *street = civic_demo_pick_string (&gen->gen,
                                               json_object_get_array_member (addresses, "streets"));
  int number = civic_demo_rand_range (&gen->gen, 1, 399);
  g_autofree char *address = g_strdup_printf ("湖南省%s%s%s%d号", city,
                                              json_object_get_string_member (district, "name"),
                                              street, number);
  g_autofree char *name = person_name (gen);
  g_autofree char *phone = g_strdup_printf ("1%d%09d", civic_demo_rand_range (&gen->gen, 3, 9),
                                            civic_demo_rand_range (&gen->gen, 0, 999999999));

  if (civic_demo_chance (&gen->gen, 0.25))
    {
      static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
      JsonObject *people = gen->gen.input->people;
      g_autofree char *company = NULL;
      char credit[19];

      company = g_strconcat (city, civic_demo_pick_string (&gen->gen,
                               json_object_get_array_member (people, "company_words")),
                             "科技", civic_demo_pick_string (&gen->gen,
                               json_object_get_array_member (people, "company_suffixes")), NULL);
      g_snprintf (credit, sizeof credit, "91%.6s", code);
      credit[8] = 'M';
      credit[9] = 'A';
      for (guint i = 10; i < 17; i++)
        credit[i] = chars[civic_demo_rand_range (&gen->gen, 0, 30)];
      credit[17] = civic_privacy_credit_code_check_char (credit);
      credit[18] = '\0';
      json_object_set_string_member (args, "applicant_kind", "commercial-enterprise");
      json_object_set_string_member (args, "applicant_name", company);
      json_object_set_string_member (args, "organisation", company);
      json_object_set_string_member (args, "credit_code", credit);
    }
  else
    {
      char id[19];

      g_snprintf (id, sizeof id, "%.6s%04d%02d%02d%03d", code,
                  civic_demo_rand_range (&gen->gen, 1955, 2002),
                  civic_demo_rand_range (&gen->gen, 1, 12), civic_demo_rand_range (&gen->gen, 1, 28),
                  civic_demo_rand_range (&gen->gen, 1, 999));
      id[17] = civic_privacy_resident_id_check_char (id);
      id[18] = '\0';
      json_object_set_string_member (args, "applicant_kind", "natural-person");
      json_object_set_string_member (args, "applicant_name", name);
      json_object_set_string_member (args, "id_type", "resident-id");
      json_object_set_string_member (args, "id_number", id);
    }
  json_object_set_string_member (args, "phone", phone);
  json_object_set_string_member (args, "address", address);
}

/* The plan */

static CivicDay
step_day (const Step *step)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (step->at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, civic_time_zone ());

  return civic_time_day_of (local);
}

static Step *
add_step (Gen                          *gen,
          Request                      *request,
          CivicDisclosureRequestAction  action,
          CivicActor                   *actor,
          CivicDay                      day)
{
  Step *step = g_new0 (Step, 1);
  guint minute = civic_demo_rand_range (&gen->gen, OFFICE_OPENS, OFFICE_CLOSES);
  gint64 before = request->steps->len > 0
    ? ((Step *) g_ptr_array_index (request->steps, request->steps->len - 1))->at : 0;

  step->request = request;
  step->action = action;
  step->actor = actor;
  step->at = MAX (civic_demo_instant (day, minute, civic_demo_rand_range (&gen->gen, 0, 59)),
                  before + 60 * civic_demo_rand_range (&gen->gen, 5, 60));
  step->args = json_object_new ();
  g_ptr_array_add (request->steps, step);
  return step;
}

static CivicDay
later (Gen      *gen,
       CivicDay  day,
       int       min,
       int       max)
{
  return civic_calendar_add_working_days (gen->gen.calendar, day,
                                          civic_demo_rand_range (&gen->gen, min, max),
                                          CIVIC_COUNT_DEFAULT, NULL);
}

static void
set_day (JsonObject *args,
         const char *name,
         CivicDay    day)
{
  g_autofree char *text = civic_day_format (day);

  json_object_set_string_member (args, name, text);
}

static Fate
pick_fate (Gen *gen)
{
  static const struct { Fate fate; guint weight; } fates[] = {
    { FATE_REPLIED, 52 }, { FATE_CONSULTED, 8 }, { FATE_CORRECTED, 8 }, { FATE_EXTENDED, 6 },
    { FATE_ABANDONED, 4 }, { FATE_WITHDRAWN, 4 }, { FATE_OPEN, 6 }, { FATE_CORRECTING, 4 },
    { FATE_CONSULTING, 4 }, { FATE_WORKING, 4 },
  };
  int r = civic_demo_rand_range (&gen->gen, 0, 99);

  for (guint i = 0; i < G_N_ELEMENTS (fates); i++)
    if ((r -= (int) fates[i].weight) < 0)
      return fates[i].fate;
  return FATE_REPLIED;
}

/* The reply: an outcome, its ground, and the words of the office's own
 * it needs (disclosure-request-reply.c says which) */
static void
plan_reply (Gen         *gen,
            Request     *request,
            CivicDay     day,
            Fate         fate,
            const char  *party,
            gboolean     objected,
            JsonObject  *organ)
{
  JsonObject *replies = json_object_get_object_member (gen->words, "replies");
  const CivicDemoDisclosureStaff *staff = request->staff;
  Step *draft = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY,
                          staff->editor, day);
  Step *issue;
  const char *outcome = "disclose", *ground = "none", *words_of = "disclose";
  g_autofree char *detail = NULL;
  int r = civic_demo_rand_range (&gen->gen, 0, 99);

  if (fate == FATE_CONSULTED && objected && civic_demo_chance (&gen->gen, 0.35))
    /* Disclosed all the same, for the public interest: the third party
     * is sent a notice with the reply (Art. 32) */
    json_object_set_string_member (draft->args, "public_interest", words (gen, "public_interest"));
  else if (fate == FATE_CONSULTED)
    {
      outcome = objected ? "withhold" : "disclose";
      ground = objected ? "third-party" : "none";
      words_of = objected ? "third-party" : "disclose";
    }
  else if (r < 35)
    ;
  else if (r < 55)
    outcome = words_of = "already-public";
  else if (r < 65)
    outcome = words_of = "partial";
  else if (r < 75)
    outcome = "withhold", ground = "process-information", words_of = NULL;
  else if (r < 85)
    outcome = "cannot-provide", ground = "not-held", words_of = NULL;
  else if (r < 95)
    outcome = "cannot-provide", ground = words_of = "not-this-organ";
  else
    outcome = "not-processed", ground = words_of = "complaint";

  if (words_of != NULL)
    {
      JsonObject *other = g_ptr_array_index (gen->organs,
                                             civic_demo_rand_range (&gen->gen, 0,
                                                                    gen->organs->len - 1));

      if (other == organ)
        other = g_ptr_array_index (gen->organs, 0) != organ ? g_ptr_array_index (gen->organs, 0)
                                                            : g_ptr_array_index (gen->organs,
                                                                                 gen->organs->len - 1);
      detail = fill (civic_demo_pick_string (&gen->gen,
                                             json_object_get_array_member (replies, words_of)),
                     "party", party != NULL ? party : "",
                     "other", json_object_get_string_member (other, "name"), NULL);
    }
  json_object_set_string_member (draft->args, "outcome", outcome);
  json_object_set_string_member (draft->args, "ground", ground);
  if (detail != NULL)
    json_object_set_string_member (draft->args, "detail", detail);

  issue = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY,
                    civic_demo_chance (&gen->gen, 0.7) ? staff->head : staff->reviewers[0],
                    later (gen, day, 0, 1));
  set_day (issue->args, "replied_on", step_day (issue));
}

/* The first of each fate goes to the demo department, whose staff sign
 * in, so that it has a request at every step; then half of the rest */
static Request *
plan_request (Gen   *gen,
              guint  n)
{
  Request *request = g_new0 (Request, 1);
  JsonObject *organ = n < N_FATES || civic_demo_chance (&gen->gen, 0.5)
    ? g_ptr_array_index (gen->organs, 0)
    : g_ptr_array_index (gen->organs, civic_demo_rand_range (&gen->gen, 0, gen->organs->len - 1));
  const char *department_id = json_object_get_string_member (organ, "id");
  JsonObject *info = civic_json_lookup_object (json_object_get_object_member (
                                                 gen->gen.input->templates, "organs"),
                                               department_id);
  JsonArray *topics = info != NULL && json_object_has_member (info, "topics")
                      ? json_object_get_array_member (info, "topics") : NULL;
  const CivicDemoDisclosureStaff *staff = g_hash_table_lookup (gen->gen.input->staff,
                                                               department_id);
  Fate fate = n < N_FATES ? (Fate) n : pick_fate (gen);
  gboolean open = fate == FATE_OPEN || fate == FATE_CORRECTING || fate == FATE_CONSULTING ||
                  fate == FATE_WORKING;
  CivicDay received, day;
  g_autofree char *year = NULL;
  g_autofree char *description = NULL;
  g_autofree char *party = NULL;
  gboolean objected = FALSE;
  const char *channel;
  Step *step;

  request->id = civic_demo_uuid (&gen->gen);
  request->department_id = department_id;
  request->staff = staff;
  request->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  /* The open ones came in the last weeks; the rest over the year */
  received = civic_calendar_subtract_working_days (gen->gen.calendar, gen->gen.today,
                                                   fate == FATE_WORKING
                                                   ? civic_demo_rand_range (&gen->gen, 8, 14)
                                                   : fate == FATE_CORRECTING
                                                   ? civic_demo_rand_range (&gen->gen, 4, 12)
                                                   : fate == FATE_CONSULTING
                                                   ? civic_demo_rand_range (&gen->gen, 5, 12)
                                                   : open ? civic_demo_rand_range (&gen->gen, 1, 10)
                                                   : civic_demo_rand_range (&gen->gen, 25, 240),
                                                   NULL);
  {
    int y, m, d;

    civic_day_to_ymd (received, &y, &m, &d);
    year = g_strdup_printf ("%d", civic_demo_chance (&gen->gen, 0.6) ? y - 1 : y);
  }
  description = fill (words (gen, "descriptions"),
                      "organ", json_object_get_string_member (organ, "name"),
                      "year", year,
                      "topic", topics != NULL && json_array_get_length (topics) > 0
                               ? civic_demo_pick_string (&gen->gen, topics) : "政务公开",
                      "thing", words (gen, "things"), NULL);

  /* Online through the public form, registered by the service itself;
   * else at the counter, by post or by letter, registered by the editor */
  channel = civic_demo_chance (&gen->gen, 0.55) ? "online"
            : civic_demo_chance (&gen->gen, 0.5) ? "in-person"
            : civic_demo_chance (&gen->gen, 0.7) ? "post" : "ordinary-letter";
  step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER,
                   g_str_equal (channel, "online") ? gen->system : staff->editor, received);
  json_object_set_string_member (step->args, "channel", channel);
  set_day (step->args, "received_on", received);
  add_applicant (gen, step->args);
  json_object_set_string_member (step->args, "description", description);
  json_object_set_string_member (step->args, "delivery_form",
                                 civic_demo_chance (&gen->gen, 0.6) ? "electronic" : "paper");
  json_object_set_string_member (step->args, "delivery_channel",
                                 g_str_equal (channel, "online") ? "online"
                                 : civic_demo_chance (&gen->gen, 0.5) ? "post" : "collect");
  json_object_set_string_member (step->args, "department_id", department_id);
  day = received;

  if (civic_demo_chance (&gen->gen, 0.3))
    {
      step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_COMMENT, staff->editor,
                       day = later (gen, day, 0, 2));
      json_object_set_string_member (step->args, "text", words (gen, "comments"));
    }

  switch (fate)
    {
    case FATE_OPEN:
      return request;

    case FATE_CORRECTED:
    case FATE_CORRECTING:
    case FATE_ABANDONED:
    case FATE_WORKING:
      step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_REQUEST_CORRECTION,
                       staff->editor, day = later (gen, day, 1, 3));
      json_object_set_string_member (step->args, "items", words (gen, "corrections"));
      json_object_set_int_member (step->args, "period", 15);
      if (fate == FATE_CORRECTING)
        return request;
      if (fate == FATE_ABANDONED)
        {
          step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_CLOSE_ABANDONED,
                           staff->editor, later (gen, day, 16, 18));
          json_object_set_string_member (step->args, "note", words (gen, "abandon_notes"));
          return request;
        }
      day = later (gen, day, 2, fate == FATE_WORKING ? 4 : 12);
      step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION,
                       staff->editor, day);
      set_day (step->args, "received_on", day);
      if (fate == FATE_WORKING)
        return request;
      break;

    case FATE_WITHDRAWN:
      step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_WITHDRAW, staff->editor,
                       later (gen, day, 2, 10));
      json_object_set_string_member (step->args, "note", words (gen, "withdraw_notes"));
      return request;

    case FATE_CONSULTED:
    case FATE_CONSULTING:
      {
        JsonObject *people = gen->gen.input->people;
        const char *city = NULL;

        pick_district (gen, &city);
        party = g_strconcat (city, civic_demo_pick_string (&gen->gen,
                               json_object_get_array_member (people, "company_words")),
                             "实业", civic_demo_pick_string (&gen->gen,
                               json_object_get_array_member (people, "company_suffixes")), NULL);
        day = later (gen, day, 2, 4);
        step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_START_CONSULTATION,
                         staff->editor, day);
        json_object_set_string_member (step->args, "party", party);
        json_object_set_string_member (step->args, "consultee", "third-party");
        {
          g_autofree char *basis = fill (words (gen, "consult_bases"), "party", party, NULL);

          json_object_set_string_member (step->args, "basis", basis);
        }
        set_day (step->args, "served_on", day);
        if (fate == FATE_CONSULTING)
          return request;
        objected = civic_demo_chance (&gen->gen, 0.4);
        day = later (gen, day, 4, 14);
        step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER,
                         staff->editor, day);
        json_object_set_string_member (step->args, "consultation", "1");
        json_object_set_string_member (step->args, "answer", objected ? "objection" : "consent");
        set_day (step->args, "answered_on", day);
        json_object_set_string_member (step->args, "note", words (gen, "answer_notes"));
      }
      break;

    case FATE_EXTENDED:
      /* Before the twenty working days run out (Art. 33) */
      step = add_step (gen, request, CIVIC_DISCLOSURE_REQUEST_ACTION_EXTEND, staff->head,
                       day = later (gen, received, 14, 17));
      json_object_set_int_member (step->args, "days", 20);
      json_object_set_string_member (step->args, "reason", words (gen, "extension_reasons"));
      break;

    case FATE_REPLIED:
    default:
      break;
    }

  plan_reply (gen, request, later (gen, day, 2, fate == FATE_EXTENDED ? 15 : 14), fate, party,
              objected, organ);
  return request;
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
play_step (Gen      *gen,
           Step     *step,
           GError  **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_DISCLOSURE_REQUEST);
  const CivicEntityKind *kind = store->kind;
  CivicDb *db = gen->gen.input->db;
  Request *request = step->request;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (step->at);
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, civic_time_zone ());
  g_autofree char *command_id = civic_demo_uuid (&gen->gen);
  g_autoptr(GObject) created = NULL;
  g_autoptr(GObject) next = NULL;
  g_autoptr(GError) refusal = NULL;
  GObject *record = request->record;
  CivicWorkflowContext context;

  /* What has not happened yet is not taken: the request stands there */
  if (step->at > gen->gen.now)
    {
      request->stopped = TRUE;
      return TRUE;
    }

  civic_workflow_context_init (&context, gen->gen.calendar, when, step->actor);
  context.command_id = command_id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = db;

  if (step->action == CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER)
    record = created = kind->create (request->id, step->action, &context, &refusal);
  if (refusal == NULL)
    store->check_actor (step->actor, record, step->action, &refusal);
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
      g_warning ("demo: %s on a disclosure request refused: %s",
                 kind->action_to_string (step->action), refusal->message);
      request->stopped = TRUE;
      return TRUE;
    }

  g_set_object (&request->record, next);
  request->applied++;
  return TRUE;
}

/**
 * civic_demo_disclosure_requests_generate:
 * @count: how many requests
 * @counts: (out caller-allocates): how many ended in each state
 *
 * Makes @count requests for information in @input->db, inside the
 * caller's transaction.
 */
gboolean
civic_demo_disclosure_requests_generate (const CivicDemoDisclosureInput  *input,
                                         guint                            count,
                                         guint                            counts[CIVIC_N_DISCLOSURE_REQUEST_STATES],
                                         GError                         **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_DISCLOSURE_REQUEST);
  guint32 seed[3] = { (guint32) input->seed, (guint32) (input->seed >> 32), STREAM };
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  Gen gen = { 0 };
  gboolean ok = FALSE;

  memset (counts, 0, sizeof (guint) * CIVIC_N_DISCLOSURE_REQUEST_STATES);
  if (count == 0)
    return TRUE;

  gen.gen.input = input;
  gen.gen.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  gen.gen.calendar = input->calendar;
  gen.gen.now = g_date_time_to_unix (input->now);
  gen.gen.today = civic_time_day_of (input->now);
  gen.gen.templates = input->templates;
  gen.words = json_object_get_object_member (input->templates, "requests");
  gen.system = system;
  gen.organs = g_ptr_array_new ();
  gen.requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  gen.steps = g_ptr_array_new ();

  /* The organs with a disclosure office, the demo department first */
  for (guint i = 0; i < json_array_get_length (input->departments); i++)
    {
      JsonObject *department = json_array_get_object_element (input->departments, i);
      const char *id = json_object_get_string_member (department, "id");

      if (g_hash_table_lookup (input->staff, id) == NULL)
        continue;
      if (g_str_equal (id, CIVIC_DEMO_DEPARTMENT))
        g_ptr_array_insert (gen.organs, 0, department);
      else
        g_ptr_array_add (gen.organs, department);
    }
  if (gen.organs->len == 0)
    {
      ok = TRUE;
      goto out;
    }

  for (guint i = 0; i < count; i++)
    {
      Request *request = plan_request (&gen, i);

      g_ptr_array_add (gen.requests, request);
      for (guint j = 0; j < request->steps->len; j++)
        {
          Step *step = g_ptr_array_index (request->steps, j);

          step->order = gen.order++;
          g_ptr_array_add (gen.steps, step);
        }
    }
  g_ptr_array_sort (gen.steps, compare_steps);

  for (guint i = 0; i < gen.steps->len; i++)
    {
      Step *step = g_ptr_array_index (gen.steps, i);

      if (!step->request->stopped && !play_step (&gen, step, error))
        goto out;
    }

  for (guint i = 0; i < gen.requests->len; i++)
    {
      Request *request = g_ptr_array_index (gen.requests, i);

      if (request->record == NULL)
        continue;
      civic_disclosure_request_set_rev (CIVIC_DISCLOSURE_REQUEST (request->record),
                                        request->applied);
      if (store->save (input->db, request->record, gen.gen.calendar, gen.gen.today, error) == 0)
        goto out;
      counts[civic_disclosure_request_get_state (CIVIC_DISCLOSURE_REQUEST (request->record))]++;
    }
  ok = TRUE;

out:
  g_ptr_array_unref (gen.steps);
  g_ptr_array_unref (gen.requests);
  g_ptr_array_unref (gen.organs);
  g_rand_free (gen.gen.rand);
  return ok;
}
