/* civic-demo-disclosures.c — the demo's proactive disclosures, lived through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-accounts.h"
#include "civic-core-enums.h"
#include "civic-demo-disclosures-private.h"
#include "civic-disclosure-columns.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-records.h"
#include "civic-due-jobs.h"
#include "civic-json.h"
#include "civic-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* Eighteen months of what the provincial organs publish unasked (OGI
 * Arts. 19–26), from the templates of data/demo/disclosures.json.
 *
 * Each disclosure is planned first: its organ, its kind, its texts, and
 * the steps its staff take — drafts saved, a submission, a review at each
 * level the organ's policy has, sometimes a return, a publication or a
 * schedule, later a revision, a withdrawal, an expiry, a change of
 * validity — each on a working day after the one before. Most were
 * published long ago; the rest end in the last days before "now": drafts,
 * reviews under way, approvals, publications scheduled for the coming
 * minutes and hours, which the service's due jobs carry out when it runs.
 *
 * Then every step of every disclosure is played in the order of time
 * through the kind's rules and the store's finish (the command path
 * without its ledger and audit, as the demo's cases and hearings are), so
 * that index numbers are given per organ and year in the order of the
 * approvals, versions are sealed, and the public tables and due jobs are
 * what the service itself would have made. A step the rules refuse is a
 * bug of this file, and warns.
 *
 * The generator has a GRand of its own, seeded from the demo's seed: the
 * cases, hearings and accounts made before stay what they were. */

/* The generator's own stream of the demo's seed: "disc" */
#define STREAM 0x64697363

#define SECONDS_PER_MINUTE 60
#define OFFICE_OPENS       (8 * 60 + 30)
#define OFFICE_CLOSES      (17 * 60 + 30)
#define LATEST_MINUTE      (21 * 60)

/* What the staff write along the way: notes, comments, notices */
static JsonArray *
workflow_words (CivicDemoGen *gen,
                const char   *name)
{
  return json_object_get_array_member (json_object_get_object_member (gen->templates, "workflow"),
                                       name);
}

/* Times: seconds since the epoch, read in the hall's time zone */

gint64
civic_demo_instant (CivicDay day,
                    guint    minute,
                    guint    second)
{
  g_autoptr(GDateTime) t = NULL;
  int y, m, d;

  civic_day_to_ymd (day, &y, &m, &d);
  t = g_date_time_new (civic_time_zone (), y, m, d, MIN (minute, 1439) / 60, MIN (minute, 1439) % 60,
                       second);
  return g_date_time_to_unix (t);
}

static GDateTime *
local_time (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);

  return g_date_time_to_timezone (utc, civic_time_zone ());
}

static CivicDay
day_of (gint64 at)
{
  g_autoptr(GDateTime) t = local_time (at);

  return civic_time_day_of (t);
}

static guint
minute_of (gint64 at)
{
  g_autoptr(GDateTime) t = local_time (at);

  return g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t);
}

/* The organs */

static const char *
head_title (const char *name)
{
  static const struct
  {
    const char *suffix;
    const char *title;
  } titles[] = {
    { "办公厅", "主任" }, { "办公室", "主任" }, { "委员会", "主任" }, { "总队", "总队长" },
    { "海关", "关长" }, { "分行", "行长" }, { "厅", "厅长" }, { "局", "局长" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_has_suffix (name, titles[i].suffix))
      return titles[i].title;
  return "主任";
}

static void
organ_free (CivicDemoOrgan *organ)
{
  g_clear_pointer (&organ->policy, civic_disclosure_policy_free);
  g_free (organ->phone);
  g_ptr_array_unref (organ->items);
  g_ptr_array_unref (organ->kinds);
  g_ptr_array_unref (organ->normative);
  g_free (organ);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the organ publishes this kind at all: penalties only where it
 * enforces, licences where it grants some, budgets where the province
 * funds it */
static gboolean
publishes (CivicDemoOrgan *organ,
           JsonObject     *kind)
{
  if (json_object_has_member (kind, "organs") &&
      !array_has_string (json_object_get_array_member (kind, "organs"), organ->id))
    return FALSE;
  if (json_object_has_member (kind, "department_kinds") &&
      !array_has_string (json_object_get_array_member (kind, "department_kinds"),
                         organ->department_kind))
    return FALSE;
  if (json_object_get_boolean_member_with_default (kind, "licensing_organs", FALSE) &&
      organ->items->len == 0)
    return FALSE;
  return TRUE;
}

static gboolean
setup_organs (CivicDemoGen  *gen,
              GError       **error)
{
  const CivicDemoDisclosureInput *input = gen->input;
  JsonObject *infos = json_object_get_object_member (gen->templates, "organs");
  JsonArray *kinds = json_object_get_array_member (gen->templates, "kinds");

  for (guint i = 0; i < json_array_get_length (input->departments); i++)
    {
      JsonObject *department = json_array_get_object_element (input->departments, i);
      const char *id = json_object_get_string_member (department, "id");
      const CivicDemoDisclosureStaff *staff = g_hash_table_lookup (input->staff, id);
      CivicDemoOrgan *organ;
      gint64 weight;

      if (staff == NULL || !json_object_has_member (infos, id))
        continue;

      organ = g_new0 (CivicDemoOrgan, 1);
      organ->id = id;
      organ->name = json_object_get_string_member (department, "name");
      organ->short_name = json_object_get_string_member (department, "short");
      organ->mark = json_object_get_string_member (department, "document_mark");
      organ->department_kind = json_object_get_string_member (department, "kind");
      organ->head_title = head_title (organ->name);
      organ->info = json_object_get_object_member (infos, id);
      organ->staff = staff;
      organ->items = g_ptr_array_new ();
      organ->kinds = g_ptr_array_new ();
      organ->normative = g_ptr_array_new ();
      g_ptr_array_add (gen->all_organs, organ);

      organ->policy = civic_disclosure_records_load_policy (input->db, id, error);
      if (organ->policy == NULL)
        return FALSE;
      /* The contact its guide publishes (Art. 12), which the lint lets
       * through; other organs' lines are only a warning */
      for (guint n = 0; organ->policy->allowed_numbers != NULL &&
                        organ->policy->allowed_numbers[n] != NULL && organ->phone == NULL; n++)
        if (strchr (organ->policy->allowed_numbers[n], '-') != NULL)
          organ->phone = g_strdup (organ->policy->allowed_numbers[n]);
      if (organ->phone == NULL)
        organ->phone = civic_demo_landline (gen);

      for (guint n = 0; n < json_array_get_length (input->items); n++)
        {
          JsonObject *item = json_array_get_object_element (input->items, n);

          if (g_strcmp0 (json_object_get_string_member (item, "department"), id) == 0 &&
              g_strcmp0 (json_object_get_string_member (item, "kind"), "licensing") == 0)
            g_ptr_array_add (organ->items, (gpointer) json_object_get_string_member (item, "name"));
        }

      for (guint n = 0; n < json_array_get_length (kinds); n++)
        {
          JsonObject *kind = json_array_get_object_element (kinds, n);

          if (publishes (organ, kind))
            for (gint64 w = json_object_get_int_member (kind, "weight"); w > 0; w--)
              g_ptr_array_add (organ->kinds, kind);
        }

      for (weight = json_object_get_int_member (organ->info, "weight"); weight > 0; weight--)
        g_ptr_array_add (gen->organs, organ);
    }
  return TRUE;
}

/* The catalogue */

char *
civic_demo_column_id (const char *organ,
                      const char *slug)
{
  return g_strdup_printf ("%s-%s", organ, slug);
}

static void
add_slugs (GHashTable *slugs,
           JsonObject *text)
{
  JsonArray *columns = text != NULL ? json_object_get_array_member (text, "columns") : NULL;

  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    g_hash_table_add (slugs, (gpointer) json_array_get_string_element (columns, i));
}

static JsonObject *
find_department (JsonArray  *departments,
                 const char *id)
{
  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);

      if (g_strcmp0 (json_object_get_string_member (department, "id"), id) == 0)
        return department;
    }
  return NULL;
}

/* An organ's columns, those its kinds of disclosure are filed in and the
 * catalogue's columns above them; an organ managed by a department links
 * each to the department's same column, and a few link to the State
 * Council's */
static gboolean
put_organ_columns (CivicDemoGen    *gen,
                   CivicDemoOrgan  *organ,
                   GError         **error)
{
  JsonArray *catalogue = json_object_get_array_member (gen->templates, "catalogue");
  JsonArray *elsewhere = json_object_get_array_member (gen->templates, "counterparts_elsewhere");
  JsonObject *department = find_department (gen->input->departments, organ->id);
  const char *managed_by = json_object_get_string_member_with_default (department, "managed_by", NULL);
  g_autoptr(GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < organ->kinds->len; i++)
    {
      JsonObject *kind = g_ptr_array_index (organ->kinds, i);

      add_slugs (slugs, kind);
      if (json_object_has_member (kind, "interpretation"))
        add_slugs (slugs, json_object_get_object_member (kind, "interpretation"));
    }
  /* Parents first: the catalogue lists a parent before its children */
  for (guint i = json_array_get_length (catalogue); i > 0; i--)
    {
      JsonObject *entry = json_array_get_object_element (catalogue, i - 1);

      if (g_hash_table_contains (slugs, json_object_get_string_member (entry, "slug")) &&
          json_object_has_member (entry, "parent"))
        g_hash_table_add (slugs, (gpointer) json_object_get_string_member (entry, "parent"));
    }

  for (guint i = 0; i < json_array_get_length (catalogue); i++)
    {
      JsonObject *entry = json_array_get_object_element (catalogue, i);
      const char *slug = json_object_get_string_member (entry, "slug");
      const char *parent = json_object_get_string_member_with_default (entry, "parent", NULL);
      g_autofree char *id = civic_demo_column_id (organ->id, slug);
      g_autofree char *parent_id = parent ? civic_demo_column_id (organ->id, parent) : NULL;
      g_autofree char *up_id = managed_by ? civic_demo_column_id (managed_by, slug) : NULL;
      g_autoptr(JsonObject) column = json_object_new ();
      g_autoptr(JsonObject) up = NULL;

      if (!g_hash_table_contains (slugs, slug))
        continue;
      if (up_id != NULL)
        {
          g_autoptr(GError) local_error = NULL;

          up = civic_disclosure_columns_load (gen->input->db, up_id, NULL, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
      json_object_set_string_member (column, "id", id);
      json_object_set_string_member (column, "department", organ->id);
      json_object_set_string_member (column, "name", json_object_get_string_member (entry, "name"));
      json_object_set_string_member (column, "parent", parent_id);
      json_object_set_string_member (column, "counterpart", up != NULL ? up_id : NULL);
      json_object_set_int_member (column, "position", i);
      json_object_set_null_member (column, "counterpart_url");
      json_object_set_null_member (column, "counterpart_name");
      for (guint n = 0; elsewhere != NULL && n < json_array_get_length (elsewhere); n++)
        {
          JsonObject *link = json_array_get_object_element (elsewhere, n);

          if (g_str_equal (json_object_get_string_member (link, "organ"), organ->id) &&
              g_str_equal (json_object_get_string_member (link, "slug"), slug))
            {
              json_object_set_string_member (column, "counterpart_url",
                                             json_object_get_string_member (link, "url"));
              json_object_set_string_member (column, "counterpart_name",
                                             json_object_get_string_member (link, "name"));
            }
        }
      if (!civic_disclosure_columns_put (gen->input->db, column, 0, error))
        return FALSE;
    }
  return TRUE;
}

/* The organs a department manages come after it, to link to its columns */
static gboolean
setup_columns (CivicDemoGen  *gen,
               GError       **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < gen->all_organs->len; i++)
      {
        CivicDemoOrgan *organ = g_ptr_array_index (gen->all_organs, i);
        JsonObject *department = find_department (gen->input->departments, organ->id);
        gboolean managed = json_object_get_string_member_with_default (department, "managed_by",
                                                                       NULL) != NULL;

        if (managed == (pass == 1) && !put_organ_columns (gen, organ, error))
          return FALSE;
      }
  return TRUE;
}

/* A disclosure's life */

static void
step_free (CivicDemoStep *step)
{
  g_free (step->text);
  g_free (step->text2);
  g_free (step);
}

static void
life_free (CivicDemoLife *life)
{
  g_free (life->id);
  g_hash_table_unref (life->vars);
  g_free (life->title);
  g_free (life->summary);
  g_free (life->document_number);
  g_ptr_array_unref (life->columns);
  g_ptr_array_unref (life->keywords);
  g_free (life->personal_text);
  g_free (life->personal_reason);
  g_free (life->marked_name);
  g_ptr_array_unref (life->steps);
  g_clear_object (&life->record);
  g_free (life->schedule_command_id);
  g_free (life->publish_command_id);
  g_free (life);
}

char *
civic_demo_uuid (CivicDemoGen *gen)
{
  guint32 words[4];

  for (guint i = 0; i < 4; i++)
    words[i] = g_rand_int (gen->rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", words[0], words[1] >> 16,
                          words[1] & 0xfff, (words[2] >> 16 & 0x3fff) | 0x8000,
                          words[2] & 0xffff, words[3]);
}

static CivicDemoLife *
life_new (CivicDemoGen   *gen,
          CivicDemoOrgan *organ,
          JsonObject     *kind,
          CivicDemoLife  *interprets)
{
  CivicDemoLife *life = g_new0 (CivicDemoLife, 1);
  int category = CIVIC_DISCLOSURE_CATEGORY_OTHER_REQUIRED;

  life->id = civic_demo_uuid (gen);
  life->organ = organ;
  life->kind = kind;
  life->interprets = interprets;
  life->text = interprets != NULL ? json_object_get_object_member (kind, "interpretation") : kind;
  civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_CATEGORY, json_object_get_string_member (kind, "category"),
                        &category);
  life->category = category;
  life->normative = interprets == NULL &&
                    json_object_get_boolean_member_with_default (kind, "normative", FALSE);
  life->vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  life->columns = g_ptr_array_new_with_free_func (g_free);
  life->keywords = g_ptr_array_new_with_free_func (g_free);
  life->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  life->personal_kind = -1;
  life->validity = CIVIC_DISCLOSURE_VALIDITY_NONE;
  return life;
}

/* Planning: the steps, before they have a time */

typedef struct
{
  CivicDemoGen         *gen;
  CivicDemoLife        *life;
  CivicDisclosureState  state;
  guint                 level;     /* levels approved this round */
  GPtrArray            *approvers; /* CivicActor: this round's */
  CivicActor           *system;
} Plan;

static CivicDemoStep *
add_step (Plan                  *plan,
          CivicDisclosureAction  action,
          CivicActor            *actor,
          guint                  delay)
{
  CivicDemoGen *gen = plan->gen;
  CivicDemoStep *step = g_new0 (CivicDemoStep, 1);

  step->life = plan->life;
  step->action = action;
  step->actor = actor;
  step->when = CIVIC_DEMO_WHEN_OFFICE;
  step->delay = delay;
  step->minute = civic_demo_rand_range (gen, OFFICE_OPENS, OFFICE_CLOSES);
  step->second = civic_demo_rand_range (gen, 0, 59);
  step->gap = civic_demo_rand_range (gen, 5, 90);
  step->state_after = plan->state;
  g_ptr_array_add (plan->life->steps, step);
  return step;
}

static gboolean
approved_this_round (Plan       *plan,
                     CivicActor *actor)
{
  for (guint i = 0; i < plan->approvers->len; i++)
    if (g_ptr_array_index (plan->approvers, i) == actor)
      return TRUE;
  return FALSE;
}

/* Who reviews at @level: one of the organ's reviewers the policy names
 * there, now and then the head; never the author, nor an approver of an
 * earlier level of the round */
static CivicActor *
reviewer_at (Plan  *plan,
             guint  level)
{
  const CivicDemoDisclosureStaff *staff = plan->life->organ->staff;
  const CivicDisclosurePolicy *policy = plan->life->organ->policy;
  guint first = civic_demo_rand_range (plan->gen, 0, 1);
  CivicActor *candidates[3] = { staff->reviewers[first], staff->reviewers[1 - first], staff->head };

  if (civic_demo_chance (plan->gen, 0.12))
    candidates[0] = staff->head, candidates[2] = staff->reviewers[first];
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (civic_disclosure_policy_reviews_at (policy, level, candidates[i]) &&
        g_strcmp0 (candidates[i]->id, staff->editor->id) != 0 &&
        !approved_this_round (plan, candidates[i]))
      return candidates[i];
  return NULL;
}

static void
plan_save (Plan     *plan,
           guint     delay,
           guint     part,
           guint     parts,
           gboolean  redact)
{
  CivicDemoStep *step = add_step (plan, CIVIC_DISCLOSURE_ACTION_SAVE, plan->life->organ->staff->editor, delay);

  step->part = part;
  step->parts = parts;
  step->redact = redact;
  if (civic_demo_chance (plan->gen, 0.5))
    step->text2 = g_strdup (civic_demo_pick_string (plan->gen, workflow_words (plan->gen, "save_notes")));
}

static void
plan_submit (Plan *plan)
{
  CivicDemoStep *step;

  plan->state = CIVIC_DISCLOSURE_STATE_IN_REVIEW;
  plan->level = 0;
  g_ptr_array_set_size (plan->approvers, 0);
  step = add_step (plan, CIVIC_DISCLOSURE_ACTION_SUBMIT, plan->life->organ->staff->editor,
                   civic_demo_rand_range (plan->gen, 0, 1));
  if (civic_demo_chance (plan->gen, 0.4))
    step->text = g_strdup (civic_demo_pick_string (plan->gen, workflow_words (plan->gen, "submit_notes")));
}

static gboolean
plan_return (Plan       *plan,
             const char *comments)
{
  CivicActor *reviewer = reviewer_at (plan, plan->level + 1);
  CivicDemoStep *step;

  if (reviewer == NULL)
    return FALSE;
  plan->state = CIVIC_DISCLOSURE_STATE_DRAFT;
  plan->level = 0;
  g_ptr_array_set_size (plan->approvers, 0);
  step = add_step (plan, CIVIC_DISCLOSURE_ACTION_REVIEW, reviewer, civic_demo_rand_range (plan->gen, 1, 3));
  step->choice = CIVIC_DISCLOSURE_REVIEW_RETURN;
  step->text = g_strdup (civic_demo_pick_string (plan->gen, workflow_words (plan->gen, comments)));
  return TRUE;
}

/* Approvals up to @levels; the reviewer of the last level acknowledges
 * an office's contact before approving, as the gate asks */
static CivicActor *
plan_approvals (Plan  *plan,
                guint  levels)
{
  CivicDemoLife *life = plan->life;
  guint last = life->organ->policy->review_levels;
  CivicActor *reviewer = NULL;

  while (plan->level < levels)
    {
      CivicDemoStep *step;

      reviewer = reviewer_at (plan, plan->level + 1);
      if (reviewer == NULL)
        return NULL;
      if (plan->level + 1 == last && life->acknowledged)
        {
          step = add_step (plan, CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE, reviewer,
                           civic_demo_rand_range (plan->gen, 1, 2));
          step->choice = life->personal_kind;
          step->text = g_strdup (life->personal_reason);
        }
      plan->level++;
      if (plan->level == last)
        plan->state = CIVIC_DISCLOSURE_STATE_APPROVED;
      step = add_step (plan, CIVIC_DISCLOSURE_ACTION_REVIEW, reviewer,
                       plan->level == 1 && !life->acknowledged ? civic_demo_rand_range (plan->gen, 1, 3)
                                                                 : civic_demo_rand_range (plan->gen, 0, 2));
      step->choice = CIVIC_DISCLOSURE_REVIEW_APPROVE;
      if (civic_demo_chance (plan->gen, 0.3))
        step->text = g_strdup (civic_demo_pick_string (plan->gen,
                                                       workflow_words (plan->gen, "approve_comments")));
      g_ptr_array_add (plan->approvers, reviewer);
    }
  return reviewer;
}

static guint
expire_days (Plan *plan)
{
  JsonArray *range = json_object_has_member (plan->life->text, "expire_days")
                     ? json_object_get_array_member (plan->life->text, "expire_days") : NULL;

  if (range != NULL)
    return civic_demo_rand_range (plan->gen, json_array_get_int_element (range, 0),
                       json_array_get_int_element (range, 1));
  /* Now and then a notice valid for a while */
  return civic_demo_chance (plan->gen, 0.03) ? civic_demo_rand_range (plan->gen, 90, 365) : 0;
}

/* Published at once, or at a minute of the next days and then by the
 * service */
static void
plan_publication (Plan       *plan,
                  CivicActor *approver,
                  guint       days_to_expiry)
{
  static const guint minutes[] = { 9 * 60, 10 * 60, 15 * 60, 16 * 60 + 30 };
  CivicActor *publisher = approver != NULL && civic_demo_chance (plan->gen, 0.7)
                          ? approver : plan->life->organ->staff->head;
  CivicDemoStep *step;

  if (civic_demo_chance (plan->gen, 0.3))
    {
      plan->state = CIVIC_DISCLOSURE_STATE_SCHEDULED;
      step = add_step (plan, CIVIC_DISCLOSURE_ACTION_SCHEDULE, publisher,
                       civic_demo_rand_range (plan->gen, 0, 1));
      step->schedule_days = civic_demo_rand_range (plan->gen, 0, 1);
      step->schedule_minute = minutes[civic_demo_rand_range (plan->gen, 0, G_N_ELEMENTS (minutes) - 1)];
      step->expire_days = days_to_expiry;
      plan->state = CIVIC_DISCLOSURE_STATE_PUBLISHED;
      step = add_step (plan, CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED, plan->system, 0);
      step->when = CIVIC_DEMO_WHEN_MINUTE;
    }
  else
    {
      plan->state = CIVIC_DISCLOSURE_STATE_PUBLISHED;
      step = add_step (plan, CIVIC_DISCLOSURE_ACTION_PUBLISH, publisher,
                       civic_demo_rand_range (plan->gen, 0, 1));
      step->expire_days = days_to_expiry;
    }
}

static void
plan_life (CivicDemoGen  *gen,
           CivicDemoLife *life,
           CivicActor    *system)
{
  CivicActor *editor = life->organ->staff->editor;
  guint levels = life->organ->policy->review_levels;
  Plan plan = { gen, life, CIVIC_DISCLOSURE_STATE_DRAFT, 0, g_ptr_array_new (), system };
  gboolean personal = life->personal_template != NULL && !life->acknowledged;
  gboolean redaction = personal && life->fate == CIVIC_DEMO_FATE_PUBLISHED;
  double r = g_rand_double (gen->rand);
  guint drafts = r < 0.3 ? 1 : r < 0.6 ? 2 : r < 0.85 ? 3 : 4;
  CivicActor *approver;
  guint days_to_expiry;

  add_step (&plan, CIVIC_DISCLOSURE_ACTION_CREATE, editor, civic_demo_rand_range (gen, 0, 2));
  for (guint v = 0; v < drafts; v++)
    plan_save (&plan, v == 0 ? 0 : civic_demo_rand_range (gen, 0, 2), v, drafts, FALSE);
  if (life->personal_template != NULL &&
      json_object_get_boolean_member_with_default (life->personal_template, "mark", FALSE))
    add_step (&plan, CIVIC_DISCLOSURE_ACTION_MARK_NAME, editor, 0);
  if (civic_demo_chance (gen, 0.15))
    {
      /* One draw after the other: C leaves the order of a call's
       * arguments open, and the same seed must give the same data from
       * any compiler */
      CivicActor *author = civic_demo_chance (gen, 0.5) ? editor : life->organ->staff->reviewers[0];
      CivicDemoStep *step = add_step (&plan, CIVIC_DISCLOSURE_ACTION_COMMENT, author,
                                      civic_demo_rand_range (gen, 0, 1));

      step->text = g_strdup (civic_demo_pick_string (gen, workflow_words (gen, "comments")));
    }

  if (life->fate == CIVIC_DEMO_FATE_DRAFT)
    {
      /* Some came back from review, one with personal data to mask */
      if (civic_demo_chance (gen, personal ? 0.5 : 0.3))
        {
          plan_submit (&plan);
          if (plan_return (&plan, personal ? "personal_return_comments" : "return_comments") &&
              !personal && civic_demo_chance (gen, 0.5))
            plan_save (&plan, civic_demo_rand_range (gen, 0, 2), 0, 0, FALSE);
        }
      goto out;
    }

  plan_submit (&plan);
  /* A return: a correction, or personal data masked before it goes on */
  if (redaction || civic_demo_chance (gen, 0.12))
    {
      if (!plan_return (&plan, redaction ? "personal_return_comments" : "return_comments"))
        goto out;
      plan_save (&plan, civic_demo_rand_range (gen, 0, 2), 0, 0, redaction);
      plan_submit (&plan);
    }

  if (life->fate == CIVIC_DEMO_FATE_IN_REVIEW)
    {
      /* Where an organ reviews at several levels, its reviews wait at
       * each in turn */
      plan_approvals (&plan, levels > 1 ? gen->review_turn++ % levels : 0);
      goto out;
    }
  approver = plan_approvals (&plan, levels);
  if (approver == NULL || life->fate == CIVIC_DEMO_FATE_APPROVED)
    goto out;

  days_to_expiry = expire_days (&plan);
  if (life->fate == CIVIC_DEMO_FATE_SCHEDULED)
    {
      CivicActor *publisher;
      CivicDemoStep *step;

      plan.state = CIVIC_DISCLOSURE_STATE_SCHEDULED;
      publisher = civic_demo_chance (gen, 0.7) ? approver : life->organ->staff->head;
      step = add_step (&plan, CIVIC_DISCLOSURE_ACTION_SCHEDULE, publisher,
                       civic_demo_rand_range (gen, 0, 1));
      /* For a minute or a few hours after "now": the service publishes it
       * when its job comes due */
      step->publish_at = (gen->now / SECONDS_PER_MINUTE + civic_demo_rand_range (gen, 3, 240)) *
                         SECONDS_PER_MINUTE;
      step->expire_days = days_to_expiry;
      goto out;
    }

  plan_publication (&plan, approver, days_to_expiry);
  if (days_to_expiry > 0)
    {
      CivicDemoStep *step;

      plan.state = CIVIC_DISCLOSURE_STATE_EXPIRED;
      step = add_step (&plan, CIVIC_DISCLOSURE_ACTION_EXPIRE, system, 0);
      step->when = CIVIC_DEMO_WHEN_MIDNIGHT;
      goto out;
    }

  /* Afterwards: a revision, published as a second version; a withdrawal
   * with its public notice; a normative document that lapses */
  if (civic_demo_chance (gen, 0.08))
    {
      CivicDemoStep *step;

      plan.state = CIVIC_DISCLOSURE_STATE_DRAFT;
      step = add_step (&plan, CIVIC_DISCLOSURE_ACTION_REVISE, editor, civic_demo_rand_range (gen, 10, 120));
      step->text = g_strdup (civic_demo_pick_string (gen, workflow_words (gen, "revise_reasons")));
      plan_save (&plan, civic_demo_rand_range (gen, 0, 2), 0, 0, FALSE);
      /* At most six versions in all */
      if (drafts < 4 && civic_demo_chance (gen, 0.4))
        plan_save (&plan, civic_demo_rand_range (gen, 0, 1), 0, 0, FALSE);
      plan_submit (&plan);
      approver = plan_approvals (&plan, levels);
      if (approver == NULL)
        goto out;
      plan_publication (&plan, approver, 0);
    }
  if (civic_demo_chance (gen, 0.06))
    {
      CivicDemoStep *step;

      plan.state = CIVIC_DISCLOSURE_STATE_WITHDRAWN;
      step = add_step (&plan, CIVIC_DISCLOSURE_ACTION_WITHDRAW, life->organ->staff->head,
                       civic_demo_rand_range (gen, 5, 150));
      step->text = g_strdup (civic_demo_pick_string (gen, workflow_words (gen, "withdraw_notices")));
      step->text2 = g_strdup (civic_demo_pick_string (gen, workflow_words (gen, "withdraw_reasons")));
    }
  else if (life->normative && civic_demo_chance (gen, 0.08))
    {
      CivicDemoStep *step = add_step (&plan, CIVIC_DISCLOSURE_ACTION_SET_VALIDITY, life->organ->staff->head,
                             civic_demo_rand_range (gen, 40, 250));

      step->choice = CIVIC_DISCLOSURE_VALIDITY_LAPSED;
    }

out:
  g_ptr_array_unref (plan.approvers);
}

/* Placing: the steps on the calendar */

/* Forward from @start: a disclosure that began then */
static void
place_forward (CivicDemoGen  *gen,
               CivicDemoLife *life,
               gint64         start)
{
  CivicDay day = day_of (start);
  guint minute = minute_of (start);
  gint64 publish_at = 0;
  CivicDay expire_on = CIVIC_DAY_INVALID;

  for (guint i = 0; i < life->steps->len; i++)
    {
      CivicDemoStep *step = g_ptr_array_index (life->steps, i);

      switch (step->when)
        {
        case CIVIC_DEMO_WHEN_MINUTE:
          step->at = publish_at;
          day = day_of (step->at);
          minute = minute_of (step->at);
          break;
        case CIVIC_DEMO_WHEN_MIDNIGHT:
          step->at = civic_demo_instant (expire_on, 0, 0);
          day = expire_on;
          minute = 0;
          break;
        case CIVIC_DEMO_WHEN_OFFICE:
        default:
          if (step->delay > 0)
            {
              day = civic_calendar_add_working_days (gen->calendar, day, step->delay,
                                                     CIVIC_COUNT_DEFAULT, NULL);
              minute = step->minute;
            }
          else if (!civic_calendar_is_working_day (gen->calendar, day))
            {
              day = civic_calendar_working_day_on_or_after (gen->calendar, day);
              minute = step->minute;
            }
          else
            {
              minute = MAX (step->minute, minute + step->gap);
              if (minute > LATEST_MINUTE)
                {
                  day = civic_calendar_next_working_day (gen->calendar, day);
                  minute = step->minute;
                }
            }
          step->at = civic_demo_instant (day, minute, step->second);
          break;
        }

      if (step->action == CIVIC_DISCLOSURE_ACTION_SCHEDULE)
        {
          if (step->publish_at == 0)
            {
              CivicDay on = step->schedule_days > 0
                            ? civic_calendar_add_working_days (gen->calendar, day, step->schedule_days,
                                                               CIVIC_COUNT_DEFAULT, NULL)
                            : day;

              if (on == day && step->schedule_minute <= minute + 10)
                on = civic_calendar_next_working_day (gen->calendar, day);
              step->publish_at = civic_demo_instant (on, step->schedule_minute, 0);
            }
          publish_at = step->publish_at;
        }
      if ((step->action == CIVIC_DISCLOSURE_ACTION_SCHEDULE ||
           step->action == CIVIC_DISCLOSURE_ACTION_PUBLISH) && step->expire_days > 0)
        {
          CivicDay from = step->action == CIVIC_DISCLOSURE_ACTION_SCHEDULE ? day_of (step->publish_at)
                                                                             : day;

          step->expire_on = expire_on = civic_demo_add_days (from, step->expire_days);
        }
    }
}

/* Backward from @end: a disclosure still on someone's desk */
static void
place_backward (CivicDemoGen  *gen,
                CivicDemoLife *life,
                gint64         end)
{
  CivicDay day = day_of (end);
  guint minute = minute_of (end);

  for (guint i = life->steps->len; i-- > 0;)
    {
      CivicDemoStep *step = g_ptr_array_index (life->steps, i);
      CivicDemoStep *before;

      step->at = civic_demo_instant (day, minute, step->second);
      if (step->action == CIVIC_DISCLOSURE_ACTION_SCHEDULE && step->expire_days > 0)
        step->expire_on = civic_demo_add_days (day_of (step->publish_at), step->expire_days);
      if (i == 0)
        break;

      before = g_ptr_array_index (life->steps, i - 1);
      if (step->delay > 0)
        {
          day = civic_calendar_subtract_working_days (gen->calendar, day, step->delay, NULL);
          minute = before->minute;
        }
      else if (minute >= OFFICE_OPENS + step->gap)
        minute = MIN (before->minute, minute - step->gap);
      else
        {
          day = civic_calendar_subtract_working_days (gen->calendar, day, 1, NULL);
          minute = before->minute;
        }
    }
}

/* A time of the office day, its minute drawn before its second */
static gint64
office_instant (CivicDemoGen *gen,
                CivicDay      day)
{
  guint minute = civic_demo_rand_range (gen, OFFICE_OPENS, OFFICE_CLOSES);
  guint second = civic_demo_rand_range (gen, 0, 59);

  return civic_demo_instant (day, minute, second);
}

/* When the last step was taken, @days_back working days before today */
static gint64
end_time (CivicDemoGen *gen,
          guint         days_back)
{
  CivicDay day = civic_calendar_is_working_day (gen->calendar, gen->today)
                 ? gen->today
                 : civic_calendar_subtract_working_days (gen->calendar, gen->today, 1, NULL);
  gint64 end;

  if (days_back > 0)
    day = civic_calendar_subtract_working_days (gen->calendar, day, days_back, NULL);
  end = office_instant (gen, day);
  if (end > gen->now - 2 * SECONDS_PER_MINUTE)
    {
      end = gen->now - civic_demo_rand_range (gen, 2, 90) * SECONDS_PER_MINUTE;
      if (day_of (end) != gen->today || minute_of (end) < OFFICE_OPENS)
        {
          day = civic_calendar_subtract_working_days (gen->calendar, gen->today, 1, NULL);
          end = office_instant (gen, day);
        }
    }
  return end;
}

/* What has not happened by "now" is dropped. A revision is kept whole:
 * one cut short would leave a working copy beside the published
 * version. */
static void
keep_until_now (CivicDemoGen  *gen,
                CivicDemoLife *life)
{
  guint keep = 0;

  while (keep < life->steps->len &&
         ((CivicDemoStep *) g_ptr_array_index (life->steps, keep))->at <= gen->now)
    keep++;

  for (guint i = keep; keep < life->steps->len && i-- > 0;)
    {
      CivicDemoStep *step = g_ptr_array_index (life->steps, i);

      if (step->action == CIVIC_DISCLOSURE_ACTION_PUBLISH ||
          step->action == CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED)
        break;
      if (step->action == CIVIC_DISCLOSURE_ACTION_REVISE)
        {
          keep = i;
          break;
        }
    }
  g_ptr_array_set_size (life->steps, keep);
}

/* What the plan leaves it as */
static void
read_plan (CivicDemoLife *life)
{
  life->validity = life->normative ? CIVIC_DISCLOSURE_VALIDITY_IN_FORCE
                                   : CIVIC_DISCLOSURE_VALIDITY_NONE;
  life->published_at = 0;
  for (guint i = 0; i < life->steps->len; i++)
    {
      CivicDemoStep *step = g_ptr_array_index (life->steps, i);

      if ((step->action == CIVIC_DISCLOSURE_ACTION_PUBLISH ||
           step->action == CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED) && life->published_at == 0)
        life->published_at = step->at;
      if (step->action == CIVIC_DISCLOSURE_ACTION_SET_VALIDITY)
        life->validity = step->choice;
      life->planned_state = step->state_after;
      life->last_at = step->at;
    }
}

/* The lives: an organ, a kind, a fate */

static JsonArray *
templates_array (CivicDemoGen *gen,
                 const char   *name)
{
  return json_object_get_array_member (gen->templates, name);
}

static gboolean
month_allowed (JsonObject *kind,
               CivicDay    day)
{
  JsonArray *months;
  int y, m, d;

  if (!json_object_has_member (kind, "months"))
    return TRUE;
  months = json_object_get_array_member (kind, "months");
  civic_day_to_ymd (day, &y, &m, &d);
  for (guint i = 0; i < json_array_get_length (months); i++)
    if (json_array_get_int_element (months, i) == m)
      return TRUE;
  return FALSE;
}

static CivicDemoFate
draw_fate (CivicDemoGen *gen)
{
  double r = g_rand_double (gen->rand);

  if (r < 0.67)
    return CIVIC_DEMO_FATE_PUBLISHED;
  if (r < 0.77)
    return CIVIC_DEMO_FATE_DRAFT;
  if (r < 0.86)
    return CIVIC_DEMO_FATE_IN_REVIEW;
  if (r < 0.93)
    return CIVIC_DEMO_FATE_APPROVED;
  return CIVIC_DEMO_FATE_SCHEDULED;
}

/* The rest of a planned life: its words, once its days are known; %FALSE
 * when an organ already has a disclosure of that title */
static gboolean
write_life (CivicDemoGen  *gen,
            CivicDemoLife *life)
{
  g_autofree char *key = NULL;

  if (life->steps->len == 0)
    return FALSE;
  read_plan (life);
  civic_demo_write_catalogue (gen, life);
  key = g_strconcat (life->organ->id, "\t", life->title, NULL);
  if (g_hash_table_contains (gen->titles, key))
    return FALSE;
  g_hash_table_add (gen->titles, g_steal_pointer (&key));
  civic_demo_write_bodies (gen, life);
  return TRUE;
}

/* Whether @kind is a text where @line is written: one of its "personal"
 * kinds, or an office's contact, which fits any of them */
static gboolean
fits (JsonObject *kind,
      JsonObject *line)
{
  return json_object_has_member (kind, "personal") &&
         (json_object_has_member (line, "reason") ||
          array_has_string (json_object_get_array_member (kind, "personal"),
                            json_object_get_string_member (line, "kind")));
}

/* A line of @group that fits @kind: one of its "personal" kinds (an
 * office's contact fits any); a name only to be marked when @marks */
static JsonObject *
pick_personal (CivicDemoGen *gen,
               JsonObject   *kind,
               const char   *group,
               gboolean      marks)
{
  JsonArray *fits = json_object_get_array_member (kind, "personal");
  JsonArray *templates = templates_array (gen, group);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonObject *template = json_array_get_object_element (templates, i);

      if ((g_str_equal (group, "office_contacts") ||
           array_has_string (fits, json_object_get_string_member (template, "kind"))) &&
          (marks || !json_object_get_boolean_member_with_default (template, "mark", FALSE)))
        g_ptr_array_add (candidates, template);
    }
  if (candidates->len == 0)
    return NULL;
  return g_ptr_array_index (candidates, civic_demo_rand_range (gen, 0, candidates->len - 1));
}

static CivicDemoLife *
try_life (CivicDemoGen *gen,
          CivicActor   *system)
{
  CivicDemoOrgan *organ = g_ptr_array_index (gen->organs, civic_demo_rand_range (gen, 0, gen->organs->len - 1));
  guint left = gen->input->count - gen->lives->len;
  JsonObject *kind, *personal = NULL;
  gboolean acknowledged = FALSE;
  CivicDemoFate fate;
  CivicDemoLife *life;

  if (organ->kinds->len == 0)
    return NULL;
  kind = g_ptr_array_index (organ->kinds, civic_demo_rand_range (gen, 0, organ->kinds->len - 1));
  fate = draw_fate (gen);

  if (gen->personal_left > 0 && civic_demo_chance (gen, (double) gen->personal_left / left))
    {
      /* A draft with someone's ID number or mobile in it, still on its
       * way, each detector in turn; or an office's own contact a reviewer
       * let through. In a kind of text where such a line is written: an
       * organ that writes none makes no such disclosure this time. */
      JsonArray *lines;

      acknowledged = gen->acknowledged_left > 0 &&
                     civic_demo_chance (gen, (double) gen->acknowledged_left / gen->personal_left);
      lines = templates_array (gen, acknowledged ? "office_contacts" : "personal");
      personal = acknowledged
                 ? json_array_get_object_element (lines, civic_demo_rand_range (gen, 0,
                                                                                json_array_get_length (lines) - 1))
                 : json_array_get_object_element (lines, gen->personal_turn % json_array_get_length (lines));
      for (guint tries = 0; tries < 12 && !fits (kind, personal); tries++)
        kind = g_ptr_array_index (organ->kinds, civic_demo_rand_range (gen, 0, organ->kinds->len - 1));
      if (!fits (kind, personal))
        return NULL;
      fate = acknowledged ? CIVIC_DEMO_FATE_PUBLISHED
             : civic_demo_chance (gen, 0.5) ? CIVIC_DEMO_FATE_DRAFT
             : CIVIC_DEMO_FATE_IN_REVIEW;
    }
  else if (fate == CIVIC_DEMO_FATE_PUBLISHED && json_object_has_member (kind, "personal") &&
           civic_demo_chance (gen, 0.08))
    /* Published after a reviewer sent it back to have personal data
     * masked: the older versions hold it, sealed */
    personal = pick_personal (gen, kind, "personal", FALSE);

  life = life_new (gen, organ, kind, NULL);
  life->fate = fate;
  life->acknowledged = acknowledged;
  life->personal_template = personal;
  if (personal != NULL)
    {
      int value = -1;

      civic_enum_from_nick (CIVIC_TYPE_PRIVACY_KIND, json_object_get_string_member (personal, "kind"),
                            &value);
      life->personal_kind = value;
      life->personal_reason = g_strdup (json_object_get_string_member_with_default (personal, "reason",
                                                                                    NULL));
    }
  plan_life (gen, life, system);

  if (fate == CIVIC_DEMO_FATE_PUBLISHED)
    {
      /* Over the eighteen months: formed, drafted, reviewed, published,
       * and whatever came after, up to now */
      int span = (int) gen->today - 12 - (int) gen->first_day;
      CivicDay anchor = CIVIC_DAY_INVALID;

      for (guint tries = 0; tries < 40 && anchor == CIVIC_DAY_INVALID; tries++)
        {
          CivicDay day = civic_demo_add_days (gen->first_day, civic_demo_rand_range (gen, 0, MAX (span, 1)));

          if (month_allowed (kind, day))
            anchor = day;
        }
      if (anchor == CIVIC_DAY_INVALID)
        goto discard;
      life->formed_on = anchor;
      place_forward (gen, life, civic_demo_instant (anchor, 8 * 60, 0));
      keep_until_now (gen, life);
    }
  else
    {
      /* Still on someone's desk: its last step in the last days, a few
       * drafts long forgotten */
      CivicDemoStep *first;
      guint back;

      if (fate == CIVIC_DEMO_FATE_SCHEDULED)
        back = civic_demo_rand_range (gen, 0, 1);
      else if (fate == CIVIC_DEMO_FATE_DRAFT && civic_demo_chance (gen, 0.2))
        back = civic_demo_rand_range (gen, 10, 150);
      else
        back = civic_demo_rand_range (gen, 0, 6);

      place_backward (gen, life, end_time (gen, back));
      first = g_ptr_array_index (life->steps, 0);
      life->formed_on = civic_demo_add_days (day_of (first->at), -civic_demo_rand_range (gen, 0, 4));
      if (!month_allowed (kind, life->formed_on))
        goto discard;
    }

  if (!write_life (gen, life))
    goto discard;
  return life;

discard:
  life_free (life);
  return NULL;
}

/* Its policy interpretation (政策解读), published with it or soon after,
 * and linked to it */
static CivicDemoLife *
interpret (CivicDemoGen  *gen,
           CivicDemoLife *document,
           CivicActor    *system)
{
  CivicDemoLife *life = life_new (gen, document->organ, document->kind, document);
  double r = g_rand_double (gen->rand);
  gint64 start = document->published_at + civic_demo_rand_range (gen, 10, 240) * SECONDS_PER_MINUTE;

  life->fate = r < 0.88 ? CIVIC_DEMO_FATE_PUBLISHED
               : r < 0.95 ? CIVIC_DEMO_FATE_IN_REVIEW
               : CIVIC_DEMO_FATE_DRAFT;
  plan_life (gen, life, system);
  place_forward (gen, life, start);
  keep_until_now (gen, life);
  life->formed_on = day_of (start);
  if (!write_life (gen, life))
    {
      life_free (life);
      return NULL;
    }
  return life;
}

/* A newer normative document of the organ repeals an older one in force:
 * the head sets the older one's validity a few days after the newer one
 * is published */
static void
repeal_older (CivicDemoGen  *gen,
              CivicDemoLife *newer)
{
  GPtrArray *older = newer->organ->normative;
  gint64 at;
  guint delay, first;

  if (newer->published_at == 0 || older->len == 0 || !civic_demo_chance (gen, 0.3) ||
      (newer->planned_state != CIVIC_DISCLOSURE_STATE_PUBLISHED &&
       newer->planned_state != CIVIC_DISCLOSURE_STATE_EXPIRED))
    return;
  delay = civic_demo_rand_range (gen, 1, 5);
  at = office_instant (gen, civic_calendar_add_working_days (gen->calendar, day_of (newer->published_at),
                                                             delay, CIVIC_COUNT_DEFAULT, NULL));
  if (at > gen->now)
    return;

  first = civic_demo_rand_range (gen, 0, older->len - 1);
  for (guint i = 0; i < older->len; i++)
    {
      CivicDemoLife *life = g_ptr_array_index (older, (first + i) % older->len);
      CivicDemoStep *step;

      if ((life->planned_state != CIVIC_DISCLOSURE_STATE_PUBLISHED &&
           life->planned_state != CIVIC_DISCLOSURE_STATE_EXPIRED) ||
          life->validity != CIVIC_DISCLOSURE_VALIDITY_IN_FORCE ||
          life->published_at >= newer->published_at || life->last_at >= at)
        continue;

      step = g_new0 (CivicDemoStep, 1);
      step->life = life;
      step->action = CIVIC_DISCLOSURE_ACTION_SET_VALIDITY;
      step->actor = life->organ->staff->head;
      step->at = at;
      step->state_after = life->planned_state;
      step->choice = CIVIC_DISCLOSURE_VALIDITY_REPEALED;
      step->text = g_strdup_printf ("《%s》（%s）", newer->title, newer->document_number);
      /* The argument's limit is in bytes */
      if (strlen (step->text) > 200)
        {
          g_free (step->text);
          step->text = g_strdup (newer->document_number);
        }
      g_ptr_array_add (life->steps, step);
      life->validity = CIVIC_DISCLOSURE_VALIDITY_REPEALED;
      life->last_at = at;
      return;
    }
}

/* Playing: every step of every disclosure, in the order of time, through
 * the kind's rules and the store's finish */

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const CivicDemoStep *x = *(const CivicDemoStep * const *) a;
  const CivicDemoStep *y = *(const CivicDemoStep * const *) b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static JsonArray *
strings_array (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  return array;
}

/* What the findings panel's Redact All does: the head's blocking
 * findings masked, their keys listed */
static gboolean
redact_head (CivicDemoLife    *life,
             CivicDisclosure  *record,
             JsonObject       *args,
             GError          **error)
{
  const char *body = civic_disclosure_get_body (record);
  g_autoptr(GPtrArray) findings = civic_disclosure_lint (record, body, life->organ->policy);
  g_autoptr(GPtrArray) blocking = g_ptr_array_new ();
  JsonArray *keys = json_array_new ();
  char *masked;

  for (guint i = 0; i < findings->len; i++)
    {
      CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
        {
          g_autofree char *key = civic_disclosure_finding_key (life->id, finding);

          g_ptr_array_add (blocking, finding);
          json_array_add_string_element (keys, key);
        }
    }
  json_object_set_array_member (args, "redacted", keys);
  masked = civic_privacy_redact (body, -1, blocking, CIVIC_PRIVACY_SEVERITY_BLOCK, error);
  if (masked == NULL)
    return FALSE;
  json_object_set_string_member (args, "body", masked);
  g_free (masked);
  return TRUE;
}

static char *
format_day (CivicDay day)
{
  return civic_day_format (day);
}

static JsonObject *
build_args (CivicDemoStep    *step,
            CivicDisclosure  *record,
            GError          **error)
{
  CivicDemoLife *life = step->life;
  JsonObject *args = json_object_new ();

  switch (step->action)
    {
    case CIVIC_DISCLOSURE_ACTION_CREATE:
      {
        g_autofree char *formed_on = format_day (life->formed_on);

        json_object_set_string_member (args, "title", life->title);
        json_object_set_string_member (args, "category",
                                       civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_CATEGORY, life->category));
        json_object_set_string_member (args, "formed_on", formed_on);
        json_object_set_string_member (args, "summary", life->summary);
        json_object_set_array_member (args, "columns", strings_array (life->columns));
        json_object_set_array_member (args, "keywords", strings_array (life->keywords));
        if (life->normative)
          {
            json_object_set_boolean_member (args, "normative", TRUE);
            json_object_set_string_member (args, "issuing_organ", life->organ->name);
            json_object_set_string_member (args, "document_number", life->document_number);
          }
        if (life->interprets != NULL)
          json_object_set_string_member (args, "interpretation_of", life->interprets->id);
      }
      break;

    case CIVIC_DISCLOSURE_ACTION_SAVE:
      if (step->redact)
        {
          if (!redact_head (life, record, args, error))
            g_clear_pointer (&args, json_object_unref);
        }
      else
        json_object_set_string_member (args, "body", step->text);
      if (args != NULL)
        json_object_set_int_member (args, "base_version", civic_disclosure_get_head_version (record));
      if (args != NULL && step->text2 != NULL)
        json_object_set_string_member (args, "note", step->text2);
      break;

    case CIVIC_DISCLOSURE_ACTION_MARK_NAME:
      json_object_set_string_member (args, "name", life->marked_name);
      break;

    case CIVIC_DISCLOSURE_ACTION_COMMENT:
      json_object_set_string_member (args, "text", step->text);
      break;

    case CIVIC_DISCLOSURE_ACTION_SUBMIT:
      if (step->text != NULL)
        json_object_set_string_member (args, "note", step->text);
      break;

    case CIVIC_DISCLOSURE_ACTION_REVIEW:
      json_object_set_string_member (args, "decision",
                                     civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_DECISION, step->choice));
      if (step->text != NULL)
        json_object_set_string_member (args, "comment", step->text);
      break;

    case CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE:
      {
        GPtrArray *findings = civic_disclosure_get_findings (record);
        const char *key = NULL;

        for (guint i = 0; i < findings->len && key == NULL; i++)
          {
            CivicDisclosureFinding *finding = g_ptr_array_index (findings, i);

            if ((int) finding->kind == step->choice &&
                !civic_disclosure_is_acknowledged (record, finding->key))
              key = finding->key;
          }
        if (key == NULL)
          {
            g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                         "no finding of the office's contact to acknowledge");
            g_clear_pointer (&args, json_object_unref);
            break;
          }
        json_object_set_string_member (args, "key", key);
        json_object_set_string_member (args, "ground",
                                       civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_GROUND,
                                                           CIVIC_DISCLOSURE_GROUND_OFFICE_CONTACT));
        json_object_set_string_member (args, "reason", step->text);
      }
      break;

    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
      {
        g_autofree char *on = format_day (day_of (step->publish_at));
        g_autofree char *at = g_strdup_printf ("%02u:%02u", minute_of (step->publish_at) / 60,
                                               minute_of (step->publish_at) % 60);

        json_object_set_string_member (args, "publish_on", on);
        json_object_set_string_member (args, "publish_at", at);
      }
      G_GNUC_FALLTHROUGH;
    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
      if (step->expire_on != CIVIC_DAY_INVALID)
        {
          g_autofree char *expire_on = format_day (step->expire_on);

          json_object_set_string_member (args, "expire_on", expire_on);
        }
      break;

    case CIVIC_DISCLOSURE_ACTION_REVISE:
      json_object_set_string_member (args, "reason", step->text);
      break;

    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
      json_object_set_string_member (args, "public_notice", step->text);
      json_object_set_string_member (args, "reason", step->text2);
      break;

    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY:
      json_object_set_string_member (args, "validity",
                                     civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_VALIDITY, step->choice));
      if (step->text != NULL)
        json_object_set_string_member (args, "repealed_by", step->text);
      break;

    default:
      break;
    }
  return args;
}

/* The command the service would have run: an official's, with an id
 * they made; or a due job's, with the id civic_due_jobs_run() gives it */
static char *
command_id_for (CivicDemoGen  *gen,
                CivicDemoStep *step)
{
  const CivicEntityKind *kind = &civic_disclosure_kind;

  switch (step->action)
    {
    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED:
      return g_strconcat ("due-job:", kind->action_to_string (step->action), ":",
                          step->life->schedule_command_id, NULL);
    case CIVIC_DISCLOSURE_ACTION_EXPIRE:
      return g_strconcat ("due-job:", kind->action_to_string (step->action), ":",
                          step->life->publish_command_id, NULL);
    default:
      return civic_demo_uuid (gen);
    }
}

static gboolean
play_step (CivicDemoGen   *gen,
           CivicDemoStep  *step,
           GError        **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_DISCLOSURE);
  const CivicEntityKind *kind = store->kind;
  CivicDb *db = gen->input->db;
  CivicDemoLife *life = step->life;
  g_autoptr(GDateTime) when = local_time (step->at);
  g_autofree char *command_id = command_id_for (gen, step);
  g_autoptr(GObject) created = NULL;
  g_autoptr(GObject) next = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) refusal = NULL;
  GObject *record = G_OBJECT (life->record);
  CivicWorkflowContext context;

  civic_workflow_context_init (&context, gen->calendar, when, step->actor);
  context.command_id = command_id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = db;
  /* As on the command path: the policy of the actor's organ, the
   * default one for the service's own */
  context.disclosure_policy = step->actor->department_id != NULL ? life->organ->policy : NULL;

  if (step->action == CIVIC_DISCLOSURE_ACTION_CREATE)
    record = created = kind->create (life->id, step->action, &context, &refusal);
  if (record != NULL)
    args = build_args (step, CIVIC_DISCLOSURE (record), &refusal);
  if (refusal == NULL)
    store->check_actor (step->actor, record, step->action, &refusal);
  if (refusal == NULL)
    next = kind->apply (record, step->action, args, &context, &refusal);
  if (refusal == NULL &&
      !store->finish (db, next, step->action, command_id, gen->calendar, when, NULL, &refusal) &&
      refusal->domain != CIVIC_WORKFLOW_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  if (refusal != NULL)
    {
      /* A plan the rules refuse is a bug of this generator */
      g_warning ("demo: %s on disclosure “%s” refused: %s", kind->action_to_string (step->action),
                 life->title, refusal->message);
      life->stopped = TRUE;
      return TRUE;
    }

  g_set_object (&life->record, CIVIC_DISCLOSURE (next));
  life->applied++;
  switch (step->action)
    {
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
      g_free (life->schedule_command_id);
      life->schedule_command_id = g_steal_pointer (&command_id);
      break;
    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
    case CIVIC_DISCLOSURE_ACTION_PUBLISH_SCHEDULED:
      g_free (life->publish_command_id);
      life->publish_command_id = g_steal_pointer (&command_id);
      break;
    case CIVIC_DISCLOSURE_ACTION_EXPIRE:
      {
        /* The job the publication set, done as the service does it */
        g_autofree char *job = g_strconcat (kind->action_to_string (step->action), ":",
                                            life->publish_command_id, NULL);

        return civic_due_jobs_complete (db, job, when, "applied", error);
      }
    default:
      break;
    }
  return TRUE;
}

/**
 * civic_demo_disclosures_generate:
 * @counts: (out caller-allocates): how many ended in each state
 *
 * Makes @input->count disclosures in @input->db, inside the caller's
 * transaction.
 */
gboolean
civic_demo_disclosures_generate (const CivicDemoDisclosureInput  *input,
                                 guint                            counts[CIVIC_N_DISCLOSURE_STATES],
                                 GError                         **error)
{
  const CivicRecordStore *store = civic_records_lookup (CIVIC_ENTITY_DISCLOSURE);
  guint32 seed[3] = { (guint32) input->seed, (guint32) (input->seed >> 32), STREAM };
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  CivicDemoGen gen = { 0 };
  gboolean ok = FALSE;
  guint attempts = 0;

  g_return_val_if_fail (input != NULL && input->db != NULL && input->templates != NULL, FALSE);

  memset (counts, 0, sizeof (guint) * CIVIC_N_DISCLOSURE_STATES);

  gen.input = input;
  gen.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  gen.calendar = input->calendar;
  gen.now = g_date_time_to_unix (input->now);
  gen.today = civic_time_day_of (input->now);
  gen.first_day = civic_demo_add_days (gen.today, -548);
  gen.templates = input->templates;
  gen.words = json_object_get_object_member (input->templates, "words");
  gen.tables = json_object_get_object_member (input->templates, "tables");
  gen.cities = json_object_get_array_member (json_object_get_object_member (input->people, "addresses"),
                                             "cities");
  gen.organs = g_ptr_array_new ();
  gen.all_organs = g_ptr_array_new_with_free_func ((GDestroyNotify) organ_free);
  gen.lives = g_ptr_array_new_with_free_func ((GDestroyNotify) life_free);
  gen.steps = g_ptr_array_new ();
  gen.titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* One in fifty carries what the privacy lint blocks: all of them still
   * unpublished, but for one in six, an office's own contact a reviewer
   * let through */
  gen.personal_left = MAX (1, (input->count + 25) / 50);
  gen.acknowledged_left = MAX (1, gen.personal_left / 6);

  /* The catalogue is there even when no disclosure is */
  if (!setup_organs (&gen, error) || !setup_columns (&gen, error))
    goto out;
  if (input->count == 0)
    {
      ok = TRUE;
      goto out;
    }

  while (gen.organs->len > 0 && gen.lives->len < input->count && attempts++ < input->count * 50)
    {
      CivicDemoLife *life = try_life (&gen, system);

      if (life == NULL)
        continue;
      if (life->personal_template != NULL &&
          (life->acknowledged || life->fate != CIVIC_DEMO_FATE_PUBLISHED))
        {
          gen.personal_left--;
          if (life->acknowledged)
            gen.acknowledged_left--;
          else
            gen.personal_turn++;
        }
      g_ptr_array_add (gen.lives, life);
      if (!life->normative)
        continue;

      repeal_older (&gen, life);
      g_ptr_array_add (life->organ->normative, life);
      if (life->published_at != 0 && gen.lives->len < input->count && civic_demo_chance (&gen, 0.45))
        {
          CivicDemoLife *interpretation = interpret (&gen, life, system);

          if (interpretation != NULL)
            g_ptr_array_add (gen.lives, interpretation);
        }
    }

  for (guint i = 0; i < gen.lives->len; i++)
    {
      CivicDemoLife *life = g_ptr_array_index (gen.lives, i);

      for (guint j = 0; j < life->steps->len; j++)
        {
          CivicDemoStep *step = g_ptr_array_index (life->steps, j);

          step->order = gen.order++;
          g_ptr_array_add (gen.steps, step);
        }
    }
  g_ptr_array_sort (gen.steps, compare_steps);

  for (guint i = 0; i < gen.steps->len; i++)
    {
      CivicDemoStep *step = g_ptr_array_index (gen.steps, i);

      if (!step->life->stopped && !play_step (&gen, step, error))
        goto out;
    }

  for (guint i = 0; i < gen.lives->len; i++)
    {
      CivicDemoLife *life = g_ptr_array_index (gen.lives, i);

      if (life->record == NULL)
        continue;
      civic_disclosure_set_rev (life->record, life->applied);
      if (store->save (input->db, G_OBJECT (life->record), gen.calendar, gen.today, error) == 0)
        goto out;
      counts[civic_disclosure_get_state (life->record)]++;
    }
  ok = TRUE;

out:
  g_hash_table_unref (gen.numbers);
  g_hash_table_unref (gen.titles);
  g_ptr_array_unref (gen.steps);
  g_ptr_array_unref (gen.lives);
  g_ptr_array_unref (gen.organs);
  g_ptr_array_unref (gen.all_organs);
  g_rand_free (gen.rand);
  return ok;
}
