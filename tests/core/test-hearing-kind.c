/* test-hearing-kind.c — a hearing through its commands, over the 2026 National Day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "civic-core.h"
#include "civic-core-test.h"

/* 张伟 applies; 李娜 is an interested party and asks for a hearing on
 * 2026-09-24, between the Mid-Autumn Festival (09-25…27) and National Day
 * (10-01…07, with 09-20 and 10-10 worked instead). 赵敏 examined the
 * application; 王强 and 刘洋 are hearing officers, 赵敏 one too; 陈静 keeps
 * records; 周部长 heads the department. */

static CivicCalendar *calendar;
static CivicActor *wang, *liu, *zhao, *chen, *head, *stranger;

static CivicActor *
lookup (const char *id,
        gboolean   *disabled,
        gpointer    user_data)
{
  CivicActor *all[] = { wang, liu, zhao, chen, head, stranger };

  *disabled = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (all[i]->id, id) == 0)
      return civic_actor_new (all[i]->id, all[i]->name, all[i]->department_id, all[i]->roles);
  return NULL;
}

static CivicHearing *
new_hearing (void)
{
  const char * const examiners[] = { "u-zhao", NULL };

  return civic_hearing_new_for_case ("cmd-request-1", FALSE, "case-1", "湘市监许〔2026〕88号",
                                     "scjg", "食品经营许可", day ("2026-09-21"), day ("2026-09-24"),
                                     examiners);
}

/* Takes @type on @hearing as @actor at @now (Beijing time); the hearing
 * after it, or the test fails with the refusal */
static void
act (CivicHearing **hearing,
     CivicActor    *actor,
     const char    *now,
     const char    *command_id,
     const char    *type,
     const char    *json)
{
  g_autoptr(GDateTime) at = civic_time_parse (now);
  g_autoptr(JsonNode) args = json ? civic_json_parse (json, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) next = NULL;
  CivicWorkflowContext context;
  guint action;

  g_assert_true (civic_entity_kind_for_command (type, &action) == &civic_hearing_kind);
  civic_workflow_context_init (&context, calendar, at, actor);
  context.command_id = command_id;
  context.lookup_official = lookup;
  next = civic_hearing_kind.apply (G_OBJECT (*hearing), action,
                                   args ? json_node_get_object (args) : NULL, &context, &error);
  g_assert_no_error (error);
  g_assert_true (CIVIC_IS_HEARING (next));
  g_object_unref (*hearing);
  *hearing = CIVIC_HEARING (g_steal_pointer (&next));
}

static void
refused (CivicHearing       *hearing,
         CivicActor         *actor,
         const char         *now,
         const char         *type,
         const char         *json,
         CivicWorkflowError  code,
         const char         *fragment)
{
  g_autoptr(GDateTime) at = civic_time_parse (now);
  g_autoptr(JsonNode) args = json ? civic_json_parse (json, -1, NULL) : NULL;
  g_autoptr(JsonNode) before = civic_hearing_to_json (hearing);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) next = NULL;
  CivicWorkflowContext context;
  guint action;

  g_assert_nonnull (civic_entity_kind_for_command (type, &action));
  civic_workflow_context_init (&context, calendar, at, actor);
  context.command_id = "cmd-refused";
  context.lookup_official = lookup;
  next = civic_hearing_kind.apply (G_OBJECT (hearing), action,
                                   args ? json_node_get_object (args) : NULL, &context, &error);
  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, (int) code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  /* A refusal changes nothing */
  after = civic_hearing_to_json (hearing);
  g_assert_true (json_node_equal (before, after));
}

static void
test_born_of_a_case (void)
{
  g_autoptr(CivicHearing) hearing = new_hearing ();
  CivicHearingDates dates;
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);

  g_assert_cmpstr (civic_hearing_get_id (hearing), ==, "cmd-request-1");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_PENDING);
  g_assert_cmpstr (civic_hearing_get_department_id (hearing), ==, "scjg");
  g_assert_cmpuint (civic_hearing_get_n_cases (hearing), ==, 1);
  g_assert_cmpstr (civic_hearing_get_case (hearing, 0)->number, ==, "湘市监许〔2026〕88号");
  g_assert_cmpstr (examiners[0], ==, "u-zhao");
  g_assert_null (examiners[1]);

  /* Art. 47: 20 working days from the request, across both holidays and
   * with the make-up Saturday 10-10 counted */
  civic_hearing_get_key_dates (hearing, calendar, NULL, &dates);
  assert_day_eq (dates.last_request_day, "2026-09-29");
  assert_day_eq (dates.latest_hearing_day, "2026-10-29");

  {
    g_autofree char *label = civic_hearing_kind.label (G_OBJECT (hearing));
    g_autofree char *describe = civic_hearing_kind.describe (G_OBJECT (hearing));

    g_assert_cmpstr (label, ==, "Hearing on 湘市监许〔2026〕88号");
    g_assert_cmpstr (describe, ==, "To schedule");
  }
}

static void
test_schedule_rules (void)
{
  g_autoptr(CivicHearing) hearing = new_hearing ();

  act (&hearing, wang, "2026-09-28T09:00:00+08:00", "cmd-party-1", "add-hearing-party",
       "{\"role\": \"applicant\", \"name\": \"张伟\", \"contact\": \"13812345678\"}");
  act (&hearing, wang, "2026-09-28T09:00:00+08:00", "cmd-party-2", "add-hearing-party",
       "{\"role\": \"interested-party\", \"name\": \"李娜\"}");
  g_assert_cmpstr (civic_hearing_find_participant (hearing, "cmd-party-1")->contact, ==,
                   "13812345678");

  /* 赵敏 examined the case: not the host (Art. 48(3)) */
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-zhao\"}", CIVIC_WORKFLOW_ERROR_RULE, "The host 赵敏 examined this case");
  /* Not an official of the department */
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-x\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "is not an official of the department that holds the hearing");
  /* The notice could no longer go out 7 working days before 10-09: it had
   * to by 09-22; from today the earliest day is 10-14 (10-10 worked) */
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-09\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-wang\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "had to be sent by 2026-09-22, 7 working days before it");
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-09\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-wang\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "the earliest day the hearing can now be held is 2026-10-14");
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"9h\", \"ends\": \"11:00\","
           " \"host\": \"u-wang\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "is not a time of day");
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"11:00\", \"ends\": \"09:00\","
           " \"host\": \"u-wang\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT, "must end after it starts");
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-wang\", \"publicity\": \"closed-other\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "A hearing is public unless a reason is recorded");
  refused (hearing, wang, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-wang\", \"presenter\": \"u-liu\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "刘洋 does not have the role needed here: Examiner");
  /* Only hearing officers arrange it */
  refused (hearing, head, "2026-09-29T09:00:00+08:00", "schedule-hearing",
           "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
           " \"host\": \"u-wang\"}", CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");

  act (&hearing, wang, "2026-09-29T09:00:00+08:00", "cmd-schedule", "schedule-hearing",
       "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
       " \"host\": \"u-liu\", \"clerk\": \"u-chen\", \"presenter\": \"u-zhao\","
       " \"publicity\": \"closed-trade-secret\", \"video_link\": \"https://meet.example.cn/h1\"}");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_SCHEDULED);
  g_assert_cmpstr (civic_hearing_get_host_name (hearing), ==, "刘洋");
  g_assert_cmpstr (civic_hearing_get_clerk_name (hearing), ==, "陈静");
  g_assert_false (civic_hearing_get_is_public (hearing));
  g_assert_cmpint (civic_hearing_get_publicity (hearing), ==, CIVIC_HEARING_CLOSED_TRADE_SECRET);
  g_assert_cmpint (civic_hearing_find_participant (hearing, "u-zhao")->role, ==,
                   CIVIC_HEARING_ROLE_EXAMINER);

  /* Moved with its own room, host and clerk: the strings the hearing holds
   * are copied before they are replaced (an alias once freed them) */
  {
    g_autoptr(GDateTime) starts = civic_time_parse ("2026-10-14T14:30:00+08:00");
    g_autoptr(GDateTime) ends = civic_time_parse ("2026-10-14T16:30:00+08:00");
    const char * const examiners[] = { "u-zhao", NULL };
    CivicHearingSlot same = { civic_hearing_get_room_id (hearing), civic_hearing_get_host_id (hearing),
                              civic_hearing_get_host_name (hearing), starts, ends };
    g_autoptr(GError) error = NULL;

    g_assert_true (civic_hearing_schedule (hearing, &same, examiners, calendar, NULL,
                                           day ("2026-09-29"), &error));
    g_assert_no_error (error);
    g_assert_cmpstr (civic_hearing_get_room_id (hearing), ==, "r-1");
    g_assert_cmpstr (civic_hearing_get_host_name (hearing), ==, "刘洋");
    g_assert_true (civic_hearing_set_clerk (hearing, civic_hearing_get_clerk_id (hearing),
                                            civic_hearing_get_clerk_name (hearing), &error));
    g_assert_cmpstr (civic_hearing_get_clerk_name (hearing), ==, "陈静");
  }
  {
    g_autofree char *slot = civic_hearing_describe_slot (hearing);

    g_assert_cmpstr (slot, ==, "2026-10-14 14:30–16:30");
  }
}

/* The whole procedure, down to the record */
static void
test_procedure (void)
{
  g_autoptr(CivicHearing) hearing = new_hearing ();
  CivicDay stop, resume;

  act (&hearing, zhao, "2026-09-28T09:00:00+08:00", "p-zhang", "add-hearing-party",
       "{\"role\": \"applicant\", \"name\": \"张伟\"}");
  act (&hearing, wang, "2026-09-28T09:00:00+08:00", "p-li", "add-hearing-party",
       "{\"role\": \"interested-party\", \"name\": \"李娜\"}");
  refused (hearing, wang, "2026-09-28T09:00:00+08:00", "add-hearing-party",
           "{\"role\": \"agent\", \"name\": \"王律师\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "Say whom the agent acts for");
  refused (hearing, wang, "2026-09-28T09:00:00+08:00", "add-hearing-party",
           "{\"role\": \"host\", \"name\": \"王强\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "a party is the applicant");
  act (&hearing, wang, "2026-09-28T09:00:00+08:00", "p-lawyer", "add-hearing-party",
       "{\"role\": \"agent\", \"name\": \"王律师\", \"represents\": \"p-li\"}");
  refused (hearing, wang, "2026-09-28T09:00:00+08:00", "notify-hearing",
           "{\"method\": \"post\"}", CIVIC_WORKFLOW_ERROR_STATE, "is not possible while");

  act (&hearing, wang, "2026-09-29T09:00:00+08:00", "s-1", "schedule-hearing",
       "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
       " \"host\": \"u-wang\", \"clerk\": \"u-chen\", \"presenter\": \"u-zhao\"}");
  refused (hearing, wang, "2026-09-29T10:00:00+08:00", "notify-hearing",
           "{\"method\": \"post\", \"notified_on\": \"2026-09-30\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "cannot be in the future");
  act (&hearing, wang, "2026-09-29T10:00:00+08:00", "n-1", "notify-hearing",
       "{\"method\": \"post\"}");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_NOTIFIED);
  assert_day_eq (civic_hearing_find_participant (hearing, "p-lawyer")->notified_on, "2026-09-29");
  g_assert_cmpint (civic_hearing_find_participant (hearing, "p-li")->notified_by, ==,
                   CIVIC_HEARING_NOTICE_POST);
  /* The officials are not served a notice */
  assert_day_eq (civic_hearing_find_participant (hearing, "u-zhao")->notified_on, "none");

  /* 李娜 asks for 王强's recusal: nobody holds the hearing meanwhile */
  act (&hearing, zhao, "2026-10-08T09:00:00+08:00", "r-1", "request-recusal",
       "{\"by\": \"p-li\", \"reason\": \"主持人王强是申请人的表兄\"}");
  refused (hearing, wang, "2026-10-14T09:00:00+08:00", "hold-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_RULE, "the request must be decided before the hearing");
  /* The head decides, and names who takes the chair */
  refused (hearing, wang, "2026-10-08T10:00:00+08:00", "decide-recusal",
           "{\"decision\": \"granted\", \"host\": \"u-liu\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "is for these roles");
  refused (hearing, head, "2026-10-08T10:00:00+08:00", "decide-recusal",
           "{\"decision\": \"granted\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "name the host who takes over");
  refused (hearing, head, "2026-10-08T10:00:00+08:00", "decide-recusal",
           "{\"decision\": \"granted\", \"host\": \"u-zhao\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "The host 赵敏 examined this case");
  act (&hearing, head, "2026-10-08T10:00:00+08:00", "d-1", "decide-recusal",
       "{\"decision\": \"granted\", \"host\": \"u-liu\", \"note\": \"亲属关系属实\"}");
  g_assert_cmpstr (civic_hearing_get_host_id (hearing), ==, "u-liu");
  g_assert_cmpint (civic_hearing_get_recusal (hearing, 0)->decision, ==,
                   CIVIC_HEARING_RECUSAL_GRANTED);
  /* The time and the place stay, and with them the notice */
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_NOTIFIED);

  /* Only the host or the clerk of this hearing holds it, not before its day */
  refused (hearing, wang, "2026-10-14T09:00:00+08:00", "hold-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_ROLE, "Only the host 刘洋 opens and closes this hearing");
  refused (hearing, chen, "2026-10-14T09:00:00+08:00", "hold-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_ROLE, "is for these roles");
  refused (hearing, liu, "2026-10-13T09:00:00+08:00", "hold-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_STATE, "cannot have been held before then");
  act (&hearing, liu, "2026-10-14T09:05:00+08:00", NULL, "hold-hearing", NULL);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_HELD);

  refused (hearing, liu, "2026-10-14T11:00:00+08:00", "close-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_STATE, "The record has no text yet");
  refused (hearing, wang, "2026-10-14T11:00:00+08:00", "write-hearing-record",
           "{\"text\": \"x\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Only the host 刘洋 or the clerk of this hearing keeps its record");
  act (&hearing, chen, "2026-10-14T11:00:00+08:00", NULL, "write-hearing-record",
       "{\"text\": \"赵敏出示了现场检查记录；李娜陈述了噪声影响。\"}");
  act (&hearing, chen, "2026-10-14T11:10:00+08:00", NULL, "write-hearing-record",
       "{\"text\": \"赵敏出示了现场检查记录；李娜及其代理人陈述了噪声影响。\"}");
  act (&hearing, chen, "2026-10-14T11:20:00+08:00", NULL, "sign-hearing-record",
       "{\"participant\": \"p-zhang\", \"signature\": \"signed\"}");
  refused (hearing, chen, "2026-10-14T11:20:00+08:00", "write-hearing-record",
           "{\"text\": \"改写\"}", CIVIC_WORKFLOW_ERROR_STATE, "can no longer change");
  refused (hearing, chen, "2026-10-14T11:20:00+08:00", "sign-hearing-record",
           "{\"participant\": \"p-zhang\", \"signature\": \"sealed\"}", CIVIC_WORKFLOW_ERROR_STATE,
           "张伟 already signed the record on 2026-10-14");
  refused (hearing, chen, "2026-10-14T11:20:00+08:00", "sign-hearing-record",
           "{\"participant\": \"p-li\", \"signature\": \"refused\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "Note the refusal");
  act (&hearing, chen, "2026-10-14T11:25:00+08:00", NULL, "sign-hearing-record",
       "{\"participant\": \"p-li\", \"signature\": \"refused\", \"note\": \"李娜拒绝签字，称记录不全\"}");
  act (&hearing, chen, "2026-10-14T11:25:00+08:00", NULL, "sign-hearing-record",
       "{\"participant\": \"p-lawyer\", \"signature\": \"sealed\"}");
  refused (hearing, liu, "2026-10-14T11:30:00+08:00", "close-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_RULE, "The record is not yet signed or sealed by 赵敏");
  act (&hearing, chen, "2026-10-14T11:30:00+08:00", NULL, "sign-hearing-record",
       "{\"participant\": \"u-zhao\", \"signature\": \"signed\"}");
  act (&hearing, liu, "2026-10-15T09:00:00+08:00", NULL, "close-hearing", NULL);
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_RECORD_SIGNED);
  g_assert_true (civic_hearing_is_over (hearing));

  g_assert_true (civic_hearing_get_clock_stop_span (hearing, &stop, &resume));
  assert_day_eq (stop, "2026-09-24");
  assert_day_eq (resume, "2026-10-15");

  /* Nothing more happens to it */
  refused (hearing, wang, "2026-10-16T09:00:00+08:00", "cancel-hearing", "{\"reason\": \"x\"}",
           CIVIC_WORKFLOW_ERROR_STATE, "is not possible while the hearing is “Record signed”");
}

static void
test_postpone_withdraw_cancel (void)
{
  g_autoptr(CivicHearing) hearing = new_hearing ();
  g_autoptr(CivicHearing) ordered = NULL;

  act (&hearing, wang, "2026-09-28T09:00:00+08:00", "p-li", "add-hearing-party",
       "{\"role\": \"interested-party\", \"name\": \"李娜\"}");
  act (&hearing, wang, "2026-09-29T09:00:00+08:00", NULL, "schedule-hearing",
       "{\"room\": \"r-1\", \"day\": \"2026-10-14\", \"starts\": \"09:00\", \"ends\": \"11:00\","
       " \"host\": \"u-wang\"}");
  act (&hearing, wang, "2026-09-29T09:00:00+08:00", NULL, "notify-hearing",
       "{\"method\": \"in-person\"}");
  act (&hearing, wang, "2026-10-12T09:00:00+08:00", NULL, "postpone-hearing",
       "{\"reason\": \"申请人因病申请延期\"}");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_POSTPONED);
  g_assert_null (civic_hearing_get_starts_at (hearing));
  g_assert_cmpuint (civic_hearing_get_n_postponements (hearing), ==, 1);
  g_assert_nonnull (civic_hearing_get_postponement (hearing, 0)->from);
  assert_day_eq (civic_hearing_find_participant (hearing, "p-li")->notified_on, "none");
  refused (hearing, wang, "2026-10-12T09:00:00+08:00", "hold-hearing", NULL,
           CIVIC_WORKFLOW_ERROR_STATE, "“Postponed”");

  /* Rescheduled after the 20 working days: allowed, and found */
  act (&hearing, wang, "2026-10-20T09:00:00+08:00", NULL, "schedule-hearing",
       "{\"room\": \"r-1\", \"day\": \"2026-11-02\", \"starts\": \"14:30\", \"ends\": \"16:00\","
       " \"host\": \"u-wang\"}");
  {
    g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (hearing);
    g_autoptr(GPtrArray) findings = civic_hearing_validate (hearing,
                                                            (const char * const *) examiners,
                                                            calendar, NULL, day ("2026-10-20"));
    gboolean late = FALSE;

    for (guint i = 0; i < findings->len; i++)
      late |= ((CivicHearingFinding *) g_ptr_array_index (findings, i))->rule ==
              CIVIC_HEARING_RULE_ORGANISE_LATE;
    g_assert_true (late);
  }

  refused (hearing, wang, "2026-10-21T09:00:00+08:00", "withdraw-hearing-request",
           "{\"by\": \"u-wang\", \"reason\": \"x\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT,
           "No participant");
  act (&hearing, zhao, "2026-10-21T09:00:00+08:00", NULL, "withdraw-hearing-request",
       "{\"by\": \"p-li\", \"reason\": \"李娜书面撤回听证申请\"}");
  g_assert_cmpint (civic_hearing_get_state (hearing), ==, CIVIC_HEARING_STATE_WITHDRAWN);
  g_assert_true (civic_hearing_is_over (hearing));

  /* Ex officio: nothing to withdraw, only to cancel */
  ordered = civic_hearing_new_for_case ("cmd-order-1", TRUE, "case-2", "湘市监许〔2026〕90号",
                                        "scjg", "采矿权新立审批", CIVIC_DAY_INVALID,
                                        CIVIC_DAY_INVALID, NULL);
  act (&ordered, wang, "2026-09-28T09:00:00+08:00", "p-corp", "add-hearing-party",
       "{\"role\": \"applicant\", \"name\": \"江城矿业有限公司\"}");
  refused (ordered, wang, "2026-09-28T09:00:00+08:00", "withdraw-hearing-request",
           "{\"by\": \"p-corp\", \"reason\": \"x\"}", CIVIC_WORKFLOW_ERROR_RULE,
           "can only be cancelled");
  act (&ordered, wang, "2026-09-29T09:00:00+08:00", NULL, "schedule-hearing",
       "{\"room\": \"r-2\", \"day\": \"2026-10-15\", \"starts\": \"09:00\", \"ends\": \"12:00\","
       " \"host\": \"u-wang\"}");
  /* Art. 46: the notice announces it to the public the same day */
  act (&ordered, wang, "2026-09-30T09:00:00+08:00", NULL, "notify-hearing",
       "{\"method\": \"announcement\"}");
  assert_day_eq (civic_hearing_get_announced_on (ordered), "2026-09-30");
  act (&ordered, head, "2026-10-09T09:00:00+08:00", NULL, "cancel-hearing",
       "{\"reason\": \"申请人撤回许可申请\"}");
  g_assert_cmpint (civic_hearing_get_state (ordered), ==, CIVIC_HEARING_STATE_CANCELLED);
}

/* Another department's official is not told the hearing is there to act
 * on; the feed masks the parties as it masks an applicant */
static void
test_department_and_feed (void)
{
  g_autoptr(CivicHearing) hearing = new_hearing ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicHearing) back = NULL;
  g_autofree char *feed = NULL;
  g_autoptr(GError) error = NULL;

  refused (hearing, stranger, "2026-09-28T09:00:00+08:00", "add-hearing-party",
           "{\"role\": \"applicant\", \"name\": \"张伟\"}", CIVIC_WORKFLOW_ERROR_ROLE,
           "Only the department that holds the hearing acts on it");
  act (&hearing, wang, "2026-09-28T09:00:00+08:00", "p-zhang", "add-hearing-party",
       "{\"role\": \"applicant\", \"name\": \"张伟\", \"contact\": \"湖南省长沙市岳麓区麓山南路1号\"}");

  feed = civic_hearing_to_feed_json (hearing);
  g_assert_null (strstr (feed, "张伟"));
  g_assert_null (strstr (feed, "麓山南路1号"));
  g_assert_nonnull (strstr (feed, "食品经营许可"));
  node = civic_json_parse (feed, -1, &error);
  back = civic_hearing_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (civic_hearing_find_participant (back, "p-zhang")->name, ==, "张**");

  /* What a client may act on now */
  {
    g_autoptr(GDateTime) now = civic_time_parse ("2026-09-28T09:00:00+08:00");
    CivicWorkflowContext context;
    g_autoptr(GArray) actions = NULL;

    civic_workflow_context_init (&context, calendar, now, wang);
    actions = civic_hearing_kind.list_actions (G_OBJECT (hearing), &context);
    g_assert_cmpuint (actions->len, ==, 5);
    g_assert_cmpint (g_array_index (actions, CivicHearingAction, 0), ==,
                     CIVIC_HEARING_ACTION_ADD_PARTY);
    g_assert_cmpint (g_array_index (actions, CivicHearingAction, 1), ==,
                     CIVIC_HEARING_ACTION_SCHEDULE);
    g_assert_cmpint (g_array_index (actions, CivicHearingAction, 2), ==,
                     CIVIC_HEARING_ACTION_WITHDRAW);
    g_assert_cmpint (g_array_index (actions, CivicHearingAction, 3), ==,
                     CIVIC_HEARING_ACTION_CANCEL);
    g_assert_cmpint (g_array_index (actions, CivicHearingAction, 4), ==,
                     CIVIC_HEARING_ACTION_JOIN);
  }
}

/* What an official is told unasked: their hearing on the next working
 * day (across a weekend); a hearing to schedule near or past Art. 47's
 * last day */
static void
test_reminders (void)
{
  g_autoptr(CivicHearing) hearing = new_hearing ();

  /* Latest lawful day 2026-10-29: three working days before is 10-26 */
  g_assert_cmpint (civic_hearing_get_reminder (hearing, wang, calendar, day ("2026-10-23")), ==,
                   CIVIC_HEARING_REMINDER_NONE);
  g_assert_cmpint (civic_hearing_get_reminder (hearing, wang, calendar, day ("2026-10-26")), ==,
                   CIVIC_HEARING_REMINDER_NEAR);
  g_assert_cmpint (civic_hearing_get_reminder (hearing, wang, calendar, day ("2026-10-30")), ==,
                   CIVIC_HEARING_REMINDER_LATE);
  /* Not an examiner's, nor another department's to schedule */
  g_assert_cmpint (civic_hearing_get_reminder (hearing, head, calendar, day ("2026-10-30")), ==,
                   CIVIC_HEARING_REMINDER_NONE);
  g_assert_cmpint (civic_hearing_get_reminder (hearing, stranger, calendar, day ("2026-10-30")), ==,
                   CIVIC_HEARING_REMINDER_NONE);

  act (&hearing, wang, "2026-09-29T09:00:00+08:00", NULL, "schedule-hearing",
       "{\"room\": \"r-1\", \"day\": \"2026-10-19\", \"starts\": \"09:00\", \"ends\": \"11:00\","
       " \"host\": \"u-liu\", \"clerk\": \"u-chen\"}");
  /* Friday 10-16: the next working day is Monday 10-19 */
  g_assert_cmpint (civic_hearing_get_reminder (hearing, liu, calendar, day ("2026-10-16")), ==,
                   CIVIC_HEARING_REMINDER_TOMORROW);
  g_assert_cmpint (civic_hearing_get_reminder (hearing, chen, calendar, day ("2026-10-16")), ==,
                   CIVIC_HEARING_REMINDER_TOMORROW);
  g_assert_cmpint (civic_hearing_get_reminder (hearing, wang, calendar, day ("2026-10-16")), ==,
                   CIVIC_HEARING_REMINDER_NONE);
  g_assert_cmpint (civic_hearing_get_reminder (hearing, liu, calendar, day ("2026-10-15")), ==,
                   CIVIC_HEARING_REMINDER_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  wang = civic_actor_new ("u-wang", "王强", "scjg", CIVIC_ROLE_HEARING_OFFICER);
  liu = civic_actor_new ("u-liu", "刘洋", "scjg", CIVIC_ROLE_HEARING_OFFICER);
  zhao = civic_actor_new ("u-zhao", "赵敏", "scjg", CIVIC_ROLE_EXAMINER | CIVIC_ROLE_HEARING_OFFICER);
  chen = civic_actor_new ("u-chen", "陈静", "scjg", CIVIC_ROLE_CLERK);
  head = civic_actor_new ("u-head", "周部长", "scjg", CIVIC_ROLE_APPROVER);
  stranger = civic_actor_new ("u-x", "钱多", "zrzy", CIVIC_ROLE_HEARING_OFFICER);

  g_test_add_func ("/hearing-kind/born-of-a-case", test_born_of_a_case);
  g_test_add_func ("/hearing-kind/schedule-rules", test_schedule_rules);
  g_test_add_func ("/hearing-kind/procedure", test_procedure);
  g_test_add_func ("/hearing-kind/postpone-withdraw-cancel", test_postpone_withdraw_cancel);
  g_test_add_func ("/hearing-kind/department-and-feed", test_department_and_feed);
  g_test_add_func ("/hearing-kind/reminders", test_reminders);

  return g_test_run ();
}
