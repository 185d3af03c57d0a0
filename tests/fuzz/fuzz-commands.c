/* fuzz-commands.c — a body of POST /api/v1/commands, down to each action's arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-commands.h"
#include "civic-core.h"
#include "civic-fuzz.h"

/* The service parses a batch with civic_commands_parse(), then applies
 * each command through its record's kind, which reads the action's
 * arguments only once the record's state, the official's role and the
 * rules that need no arguments allow the action. So that every action's
 * argument readers are reached, each parsed command is tried on a set of
 * sample records of its kind built once: cases in each state of the
 * licensing procedure, by an official holding every casework role
 * (test-workflow.c builds them the same way), and hearings in each state
 * of ALL Arts. 46–48, by their host (as test-hearing-kind.c does). An
 * action the law allows on a sample must then leave a record the service
 * can store and read back, and the client can read from the feed. */

typedef struct
{
  const char  *date;
  CivicAction  action;
  const char  *args;
} Step;

typedef struct
{
  const char *name;
  gboolean    missing_material;  /* m2 not handed in */
  gboolean    joint;             /* a one-step approval with the health commission */
  const char *today;             /* when the fuzzed commands are applied */
  Step        steps[8];
} Script;

#define ACCEPTED { "2026-03-04", CIVIC_ACTION_ACCEPT, NULL }
#define CLAIMED { "2026-03-05", CIVIC_ACTION_CLAIM, NULL }
#define HANDED_ON { "2026-03-05", CIVIC_ACTION_OPINION, \
                    "{\"recommendation\": \"approve\", \"text\": \"材料齐全，拟准予许可\"}" }
#define APPROVED { "2026-03-10", CIVIC_ACTION_DECIDE, \
                   "{\"result\": \"approve\", \"number\": \"JY14301000012345\"}" }

static const Script scripts[] = {
  { "submitted", FALSE, FALSE, "2026-03-03", { { NULL } } },
  { "submitted-incomplete", TRUE, FALSE, "2026-03-03", { { NULL } } },
  { "correction-window-passed", TRUE, FALSE, "2026-03-10", { { NULL } } },
  { "pre-review", TRUE, FALSE, "2026-03-03",
    { { "2026-03-03", CIVIC_ACTION_START_PRE_REVIEW, NULL } } },
  { "correction-requested", TRUE, FALSE, "2026-03-05",
    { { "2026-03-03", CIVIC_ACTION_REQUEST_CORRECTION,
        "{\"missing\": [\"m2\"], \"note\": \"营业执照复印件需加盖公章\"}" } } },
  { "not-accepted", FALSE, FALSE, "2026-03-04",
    { { "2026-03-03", CIVIC_ACTION_NOT_ACCEPT,
        "{\"ground\": \"no-licence-needed\", \"reason\": \"无需许可\", "
        "\"legal_basis\": \"《行政许可法》第十二条\"}" } } },
  { "under-review", FALSE, FALSE, "2026-03-06", { ACCEPTED, CLAIMED } },
  { "hearing-right-informed", FALSE, FALSE, "2026-03-09",
    { ACCEPTED, CLAIMED,
      { "2026-03-06", CIVIC_ACTION_INFORM_HEARING_RIGHT, "{\"parties\": [\"张三丰\"]}" } } },
  { "with-approvers", FALSE, FALSE, "2026-03-10", { ACCEPTED, HANDED_ON } },
  { "suspended", FALSE, FALSE, "2026-03-10",
    { ACCEPTED,
      { "2026-03-05", CIVIC_ACTION_STOP_CLOCK, "{\"reason\": \"testing\", \"expected_days\": 5}" } } },
  { "hearing", FALSE, FALSE, "2026-03-20",
    { ACCEPTED, { "2026-03-06", CIVIC_ACTION_ORDER_HEARING, "{\"reason\": \"涉及重大公共利益\"}" } } },
  { "approved", FALSE, FALSE, "2026-03-12", { ACCEPTED, HANDED_ON, APPROVED } },
  { "denied", FALSE, FALSE, "2026-03-12",
    { ACCEPTED, HANDED_ON,
      { "2026-03-10", CIVIC_ACTION_DECIDE,
        "{\"result\": \"deny\", \"reason\": \"经营场所不符合要求\", "
        "\"legal_basis\": \"《食品经营许可管理办法》第十一条\", "
        "\"reconsideration_body\": \"湖南省人民政府\", \"court\": \"长沙铁路运输法院\"}" } } },
  { "served", FALSE, FALSE, "2026-03-13",
    { ACCEPTED, HANDED_ON, APPROVED,
      { "2026-03-12", CIVIC_ACTION_SERVE,
        "{\"method\": \"electronic\", \"certificate_no\": \"JY14301000012345\"}" } } },
  { "closed", FALSE, FALSE, "2026-03-13",
    { ACCEPTED, HANDED_ON, APPROVED,
      { "2026-03-12", CIVIC_ACTION_SERVE,
        "{\"method\": \"electronic\", \"certificate_no\": \"JY14301000012345\"}" },
      { "2026-03-12", CIVIC_ACTION_CLOSE, NULL } } },
  { "joint", FALSE, TRUE, "2026-03-06", { ACCEPTED } },
};

/* A hearing's steps, each by the host 周杰 (a hearing officer who may
 * also decide a recusal) or the clerk 王芳 */
typedef struct
{
  const char *at;
  const char *by;
  const char *type;
  const char *args;
} HearingStep;

typedef struct
{
  const char  *name;
  gboolean     ex_officio;
  const char  *today;
  HearingStep  steps[12];
} HearingScript;

#define PARTIES \
  { "2026-09-28T09:00:00+08:00", "u-officer", "add-hearing-party", \
    "{\"role\": \"applicant\", \"name\": \"张三丰\", \"contact\": \"13812345678\"}" }, \
  { "2026-09-28T09:00:00+08:00", "u-officer", "add-hearing-party", \
    "{\"role\": \"interested-party\", \"name\": \"李娜\"}" }
#define SCHEDULED \
  { "2026-09-29T09:00:00+08:00", "u-officer", "schedule-hearing", \
    "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", " \
    "\"ends\": \"11:00\", \"host\": \"u-officer\", \"clerk\": \"u-clerk\", " \
    "\"presenter\": \"u-examiner2\"}" }
#define NOTIFIED \
  { "2026-09-29T10:00:00+08:00", "u-officer", "notify-hearing", "{\"method\": \"post\"}" }
#define HELD { "2026-10-14T09:05:00+08:00", "u-officer", "hold-hearing", NULL }
#define WRITTEN \
  { "2026-10-14T10:30:00+08:00", "u-clerk", "write-hearing-record", \
    "{\"text\": \"赵强出示了现场检查记录；李娜陈述了噪声影响。\"}" }

/* The hearing's steps are named by the parties' ids, which are the ids of
 * the commands that added them: cmd-1, cmd-2 */
static const HearingScript hearing_scripts[] = {
  { "requested", FALSE, "2026-09-28T10:00:00+08:00", { { NULL } } },
  { "ordered", TRUE, "2026-09-28T10:00:00+08:00", { { NULL } } },
  { "with-parties", FALSE, "2026-09-29T08:00:00+08:00", { PARTIES } },
  { "scheduled", FALSE, "2026-09-29T09:30:00+08:00", { PARTIES, SCHEDULED } },
  { "notified", FALSE, "2026-10-08T09:00:00+08:00", { PARTIES, SCHEDULED, NOTIFIED } },
  { "recusal-requested", FALSE, "2026-10-08T10:00:00+08:00",
    { PARTIES, SCHEDULED, NOTIFIED,
      { "2026-10-08T09:00:00+08:00", "u-officer", "request-recusal",
        "{\"by\": \"cmd-2\", \"reason\": \"主持人是申请人的表兄\"}" } } },
  { "on-the-day", FALSE, "2026-10-14T09:00:00+08:00", { PARTIES, SCHEDULED, NOTIFIED } },
  { "held", FALSE, "2026-10-14T10:00:00+08:00", { PARTIES, SCHEDULED, NOTIFIED, HELD } },
  { "record-written", FALSE, "2026-10-14T11:00:00+08:00",
    { PARTIES, SCHEDULED, NOTIFIED, HELD, WRITTEN } },
  { "record-signed", FALSE, "2026-10-15T09:00:00+08:00",
    { PARTIES, SCHEDULED, NOTIFIED, HELD, WRITTEN,
      { "2026-10-14T11:00:00+08:00", "u-clerk", "sign-hearing-record",
        "{\"participant\": \"cmd-1\", \"signature\": \"signed\"}" },
      { "2026-10-14T11:00:00+08:00", "u-clerk", "sign-hearing-record",
        "{\"participant\": \"cmd-2\", \"signature\": \"refused\", "
        "\"note\": \"李娜拒绝签字\"}" },
      { "2026-10-14T11:00:00+08:00", "u-clerk", "sign-hearing-record",
        "{\"participant\": \"u-examiner2\", \"signature\": \"signed\"}" } } },
  { "cancelled", FALSE, "2026-10-08T09:00:00+08:00",
    { PARTIES, SCHEDULED,
      { "2026-09-30T09:00:00+08:00", "u-officer", "cancel-hearing",
        "{\"reason\": \"申请人撤回许可申请\"}" } } },
};

/* A record of either kind, with the official who acts on it and when */
typedef struct
{
  const CivicEntityKind *kind;
  GObject               *record;
  CivicActor            *actor;
  GDateTime             *now;
} Sample;

/* The users directory the service checks every official a command names
 * against (an assignee, a verifier): of the department or not, in a role
 * or not, in use or not. */
static const struct
{
  const char *id;
  const char *name;
  const char *department_id;
  CivicRole   roles;
  gboolean    disabled;
} directory[] = {
  { "u-fuzz", "测试", "scjg", CIVIC_ROLES_CASEWORK | CIVIC_ROLE_SYSTEM, FALSE },
  { "u-clerk", "王芳", "scjg", CIVIC_ROLE_CLERK, FALSE },
  { "u-examiner2", "赵强", "scjg", CIVIC_ROLE_EXAMINER, FALSE },
  { "u-approver", "陈静", "scjg", CIVIC_ROLE_APPROVER, FALSE },
  { "u-officer", "周杰", "scjg", CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_APPROVER, FALSE },
  { "u-officer2", "吴刚", "scjg", CIVIC_ROLE_HEARING_OFFICER, FALSE },
  { "u-retired", "刘建国", "scjg", CIVIC_ROLE_EXAMINER, TRUE },
  { "u-supervisor", "孙悦", "dzjc", CIVIC_ROLE_SUPERVISOR, FALSE },
  { "u-health", "何芳", "wjw", CIVIC_ROLES_CASEWORK, FALSE },
};

static CivicActor *
lookup_official (const char *id,
                 gboolean   *disabled,
                 gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (directory); i++)
    if (g_strcmp0 (directory[i].id, id) == 0)
      {
        *disabled = directory[i].disabled;
        return civic_actor_new (directory[i].id, directory[i].name, directory[i].department_id,
                                directory[i].roles);
      }

  return NULL;
}

static CivicCalendar *calendar;
static CivicActor *me;
static CivicActor *health;
static Sample samples[G_N_ELEMENTS (scripts) + G_N_ELEMENTS (hearing_scripts)];

static GDateTime *
at (const char *date)
{
  g_autofree char *text = g_strdup_printf ("%sT10:00:00+08:00", date);

  return civic_time_parse (text);
}

static CivicCase *
new_case (const Script *script)
{
  g_autoptr(GDateTime) received = civic_time_parse ("2026-03-02T10:00:00+08:00");
  CivicApplicant applicant = {
    CIVIC_APPLICANT_PERSON, (char *) "张三丰", (char *) "11010519491231002X",
    (char *) "13812345678", (char *) "湖南省长沙市岳麓区麓山南路1号", NULL, FALSE
  };
  CivicCase *kase = civic_case_new ("case-1", "20260302-SCJG-000001", received);

  if (script->joint)
    civic_case_set_item (kase, "430000-JOINT-001", "开办餐馆（一件事）", CIVIC_ITEM_KIND_LICENSING,
                         45, 30, CIVIC_TRACK_JOINT, FALSE, "《行政许可法》第二十六条");
  else
    civic_case_set_item (kase, "430000-FOOD-001", "食品经营许可", CIVIC_ITEM_KIND_LICENSING,
                         20, 10, CIVIC_TRACK_ORDINARY, FALSE,
                         "《中华人民共和国食品安全法》第三十五条");
  civic_case_set_department (kase, "scjg", "湖南省市场监督管理局");
  civic_case_set_channel (kase, CIVIC_CHANNEL_ONLINE);
  civic_case_set_applicant (kase, &applicant);
  civic_case_add_material (kase, "m1", "食品经营许可申请书", TRUE, TRUE);
  civic_case_add_material (kase, "m2", "营业执照复印件", TRUE, !script->missing_material);
  civic_case_add_material (kase, "m3", "其他说明材料", FALSE, FALSE);
  if (script->joint)
    civic_case_add_subtask (kase, "wjw", "湖南省卫生健康委员会");
  civic_case_start (kase, calendar);
  return kase;
}

static void
build_sample (const Script *script,
              Sample       *sample)
{
  g_autoptr(CivicCase) kase = new_case (script);

  for (guint i = 0; i < G_N_ELEMENTS (script->steps) && script->steps[i].date != NULL; i++)
    {
      const Step *step = &script->steps[i];
      g_autoptr(GDateTime) now = at (step->date);
      g_autoptr(JsonObject) args = NULL;
      g_autoptr(GError) error = NULL;
      CivicWorkflowContext context;
      CivicCase *next;

      if (step->args != NULL && !(args = civic_json_parse_object (step->args, -1, &error)))
        g_error ("%s: %s", script->name, error->message);

      civic_workflow_context_init (&context, calendar, now, me);
      context.command_id = "setup";
      context.lookup_official = lookup_official;
      next = civic_workflow_apply (kase, step->action, args, &context, &error);
      if (next == NULL)
        g_error ("sample “%s”, step %u: %s", script->name, i + 1, error->message);
      g_set_object (&kase, next);
      g_object_unref (next);
    }

  sample->kind = &civic_case_kind;
  sample->record = G_OBJECT (g_steal_pointer (&kase));
  sample->actor = civic_actor_copy (script->joint ? health : me);
  sample->now = at (script->today);
}

static void
build_hearing_sample (const HearingScript *script,
                      Sample              *sample)
{
  const char * const examiners[] = { "u-examiner2", NULL };
  g_autoptr(GObject) hearing = NULL;

  CivicDay informed_on, requested_on;

  g_assert (civic_day_parse ("2026-09-21", &informed_on));
  g_assert (civic_day_parse ("2026-09-24", &requested_on));
  hearing = G_OBJECT (civic_hearing_new_for_case ("hearing-1", script->ex_officio, "case-1",
                                                  "20260921-SCJG-000001", "scjg", "食品经营许可",
                                                  informed_on, requested_on, examiners));
  for (guint i = 0; i < G_N_ELEMENTS (script->steps) && script->steps[i].at != NULL; i++)
    {
      const HearingStep *step = &script->steps[i];
      g_autoptr(GDateTime) now = civic_time_parse (step->at);
      g_autoptr(JsonObject) args = NULL;
      g_autoptr(CivicActor) actor = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *command_id = g_strdup_printf ("cmd-%u", i + 1);
      CivicWorkflowContext context;
      gboolean disabled;
      guint action;
      GObject *next;

      if (step->args != NULL && !(args = civic_json_parse_object (step->args, -1, &error)))
        g_error ("%s: %s", script->name, error->message);
      actor = lookup_official (step->by, &disabled, NULL);
      g_assert (civic_entity_kind_for_command (step->type, &action) == &civic_hearing_kind);

      civic_workflow_context_init (&context, calendar, now, actor);
      context.command_id = command_id;
      context.lookup_official = lookup_official;
      next = civic_hearing_kind.apply (hearing, action, args, &context, &error);
      if (next == NULL)
        g_error ("hearing sample “%s”, step %u: %s", script->name, i + 1, error->message);
      g_set_object (&hearing, next);
      g_object_unref (next);
    }

  sample->kind = &civic_hearing_kind;
  sample->record = g_steal_pointer (&hearing);
  sample->actor = civic_actor_new ("u-officer", "周杰", "scjg",
                                   CIVIC_ROLE_HEARING_OFFICER | CIVIC_ROLE_APPROVER);
  sample->now = civic_time_parse (script->today);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  calendar = civic_fuzz_load_calendar ();

  me = civic_actor_new ("u-fuzz", "测试", "scjg", CIVIC_ROLES_CASEWORK | CIVIC_ROLE_SYSTEM);
  health = civic_actor_new ("u-health", "何芳", "wjw", CIVIC_ROLES_CASEWORK);

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    build_sample (&scripts[i], &samples[i]);
  for (guint i = 0; i < G_N_ELEMENTS (hearing_scripts); i++)
    build_hearing_sample (&hearing_scripts[i], &samples[G_N_ELEMENTS (scripts) + i]);
  return 0;
}

static char *
write_node (JsonNode *node)
{
  return civic_json_to_string (node, FALSE);
}

/* The service stores the case it made (civic_case_to_json()) and reads it
 * again for the next command; it publishes the masked one with a summary,
 * which the client reads. */
static void
check_case (CivicCase *result,
            GDateTime *now)
{
  g_autoptr(JsonNode) node = civic_case_to_json (result);
  g_autoptr(JsonNode) masked = civic_case_to_masked_json (result);
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *text = write_node (node);
  g_autofree char *masked_text = write_node (masked);
  g_autofree char *text_again = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) masked_read = NULL;
  g_autoptr(CivicCase) stored = NULL;
  g_autoptr(CivicCase) published = NULL;
  g_autoptr(JsonNode) stored_node = NULL;
  g_autoptr(GError) error = NULL;

  read = civic_json_parse (text, -1, &error);
  if (read != NULL)
    stored = civic_case_new_from_json (read, &error);
  if (stored == NULL && civic_fuzz_known_bug (text))
    return;
  if (stored == NULL)
    g_printerr ("The case after the command is stored as %s, which does not read back: %s\n",
                text, error->message);
  civic_fuzz_assert (stored != NULL);
  stored_node = civic_case_to_json (stored);
  text_again = write_node (stored_node);
  civic_fuzz_assert (g_str_equal (text, text_again));

  masked_read = civic_json_parse (masked_text, -1, &error);
  if (masked_read != NULL)
    published = civic_case_new_from_json (masked_read, &error);
  if (published == NULL && civic_fuzz_known_bug (masked_text))
    return;
  if (published == NULL)
    g_printerr ("The case after the command is published as %s, which does not read back: %s\n",
                masked_text, error->message);
  civic_fuzz_assert (published != NULL);

  summary = civic_case_summarize (result, calendar, civic_time_day_of (now),
                                  civic_clock_policy_get_default ());
  civic_fuzz_assert (summary != NULL);
}

/* The hearing store keeps civic_hearing_to_json() (the parties' contacts
 * sealed apart) and the feed carries the masked one, which the client
 * reads back into its own copy. */
static void
check_hearing (CivicHearing *result,
               GDateTime    *now)
{
  g_autoptr(JsonNode) node = civic_hearing_to_json (result);
  g_autofree char *text = write_node (node);
  g_autofree char *text_again = NULL;
  g_autofree char *feed_text = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) feed_read = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autoptr(GObject) published = NULL;
  g_autoptr(JsonNode) stored_node = NULL;
  g_autoptr(GError) error = NULL;

  read = civic_json_parse (text, -1, &error);
  if (read != NULL)
    stored = civic_hearing_kind.from_json (read, &error);
  if (stored == NULL)
    g_printerr ("The hearing after the command is stored as %s, which does not read back: %s\n",
                text, error->message);
  civic_fuzz_assert (stored != NULL);
  stored_node = civic_hearing_to_json (CIVIC_HEARING (stored));
  text_again = write_node (stored_node);
  civic_fuzz_assert (g_str_equal (text, text_again));

  feed_text = civic_hearing_kind.to_feed_json (G_OBJECT (result), calendar,
                                               civic_time_day_of (now));
  feed_read = civic_json_parse (feed_text, -1, &error);
  if (feed_read != NULL)
    published = civic_hearing_kind.from_json (feed_read, &error);
  if (published == NULL)
    g_printerr ("The hearing after the command is published as %s, which does not read back: %s\n",
                feed_text, error->message);
  civic_fuzz_assert (published != NULL);
}

static void
apply_everywhere (CivicCommand *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      Sample *sample = &samples[i];
      g_autoptr(GObject) result = NULL;
      g_autoptr(GError) error = NULL;
      CivicWorkflowContext context;

      if (sample->kind != command->kind)
        continue;

      civic_workflow_context_init (&context, calendar, sample->now, sample->actor);
      context.command_id = command->id;
      context.lookup_official = lookup_official;
      if (!sample->kind->check (sample->record, command->action, &context, NULL))
        continue;

      result = sample->kind->apply (sample->record, command->action, command->args, &context,
                                    &error);
      if (result == NULL)
        {
          civic_fuzz_assert (error != NULL && error->domain == CIVIC_WORKFLOW_ERROR);
          continue;
        }
      civic_fuzz_assert (result != sample->record);
      if (CIVIC_IS_CASE (result))
        check_case (CIVIC_CASE (result), sample->now);
      else
        check_hearing (CIVIC_HEARING (result), sample->now);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GError) error = NULL;

  body = civic_json_parse ((const char *) data, size, NULL);
  if (body == NULL)
    return 0;

  commands = civic_commands_parse (body, &error);
  if (commands == NULL)
    {
      civic_fuzz_assert (error != NULL && error->domain == CIVIC_COMMANDS_ERROR);
      return 0;
    }
  civic_fuzz_assert (commands->len >= 1 && commands->len <= CIVIC_COMMANDS_MAX_BATCH);

  for (guint i = 0; i < commands->len; i++)
    {
      CivicCommand *command = g_ptr_array_index (commands, i);

      civic_fuzz_assert (command->id != NULL && command->type != NULL &&
                         command->target != NULL && command->args != NULL &&
                         command->canonical != NULL);
      apply_everywhere (command);
    }

  return 0;
}
