/* test-item.c — a service item of the catalogue, its guide and its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guide is checked whole and kept in one shape: an unknown member is
 * refused by name, text is trimmed, a guide read and written again is the
 * same bytes. The limits are the law's: a licence's 21 working days
 * refused, 45 taken on the joint track, 30 calendar days taken with the
 * law that sets them (特种设备安全法 Art. 59) and shown to the reviewer, a
 * promised 25 over a statutory 20 refused, working days against calendar
 * days refused. A version goes draft → review → approved for a day →
 * effective at 00:00 that day, the one before superseded; its author never
 * approves it; a department changes only its own items.
 */

#include "config.h"

#include <string.h>

#include "civic-core-test.h"

static CivicCalendar *calendar;
static CivicActor *editor, *reviewer, *both, *elsewhere, *service;

#define CODE "430000-SCJG-XK-0001"

static CivicWorkflowContext *
context_at (const CivicActor *actor,
            const char       *when)
{
  static CivicWorkflowContext context;
  static GDateTime *now;

  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_from_iso8601 (when, NULL);
  g_assert_nonnull (now);
  civic_workflow_context_init (&context, calendar, now, actor);
  return &context;
}

static CivicItem *
take (CivicItem        *item,
      CivicItemAction   action,
      const CivicActor *actor,
      const char       *when,
      const char       *args)
{
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next = civic_item_kind.apply (G_OBJECT (item), action, object,
                                         context_at (actor, when), &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_object_unref (item);
  return CIVIC_ITEM (next);
}

static char *
refused (CivicItem        *item,
         CivicItemAction   action,
         const CivicActor *actor,
         const char       *when,
         const char       *args,
         int               code)
{
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  GObject *next = civic_item_kind.apply (G_OBJECT (item), action, object,
                                         context_at (actor, when), &error);

  g_assert_null (next);
  g_assert_error (error, CIVIC_WORKFLOW_ERROR, code);
  g_test_message ("refused: %s", error->message);
  return g_strdup (error->message);
}

static JsonNode *
canonical (const char  *text,
           GError     **error)
{
  g_autoptr(JsonNode) node = civic_json_parse (text, -1, NULL);

  g_assert_nonnull (node);
  return civic_item_guide_canonicalize (node, error);
}

static char *
canonical_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = canonical (text, &error);

  g_assert_no_error (error);
  return civic_json_to_string (node, FALSE);
}

#define GUIDE \
  "{\"materials\": [{\"required\": true, \"name\": \" 食品经营许可申请书 \", \"id\": \"m1\"," \
  "                  \"copies\": 1, \"form\": \"paper\"}," \
  "                 {\"id\": \"m2\", \"name\": \"营业执照\", \"required\": false, " \
  "                  \"standard\": \"\"}]," \
  " \"type_code\": \"01\", \"name\": \"食品经营许可\"," \
  " \"statutory\": {\"days\": 20, \"unit\": \"working-days\"," \
  "               \"explanation\": \"《行政许可法》第四十二条\"}," \
  " \"promised\": {\"days\": 10, \"unit\": \"working-days\"}," \
  " \"windows\": [], \"applicant_kinds\": [\"organisation\", \"person\", \"person\"]," \
  " \"legal_basis\": [{\"law\": \"《食品安全法》\", \"clause\": \"第三十五条\"}]," \
  " \"remedies\": {\"reconsideration_body\": \"湖南省人民政府\"}}"

static void
test_guide_canonical (void)
{
  g_autofree char *once = canonical_text (GUIDE);
  g_autofree char *twice = canonical_text (once);
  g_autoptr(JsonNode) node = civic_json_parse (once, -1, NULL);
  JsonObject *guide = json_node_get_object (node);
  g_autofree char *basis = civic_item_guide_dup_legal_basis (guide);
  CivicItemLimit statutory, promised;

  /* One order, trimmed, blanks and empty lists gone, no repeats */
  g_assert_cmpstr (once, ==, twice);
  g_assert_true (g_str_has_prefix (once, "{\"name\":\"食品经营许可\",\"type_code\":\"01\","
                                         "\"statutory\":"));
  g_assert_nonnull (strstr (once, "\"name\":\"食品经营许可申请书\""));
  g_assert_null (strstr (once, "windows"));
  g_assert_null (strstr (once, "\"standard\""));
  g_assert_nonnull (strstr (once, "\"applicant_kinds\":[\"organisation\",\"person\"]"));
  g_assert_cmpstr (basis, ==, "《食品安全法》第三十五条");

  civic_item_guide_get_limits (guide, &statutory, &promised);
  g_assert_cmpint (statutory.days, ==, 20);
  g_assert_cmpint (statutory.unit, ==, CIVIC_CLOCK_UNIT_WORKING_DAYS);
  g_assert_cmpint (promised.days, ==, 10);
  g_assert_nonnull (civic_item_guide_find_material (guide, "m2"));
  g_assert_null (civic_item_guide_find_material (guide, "m3"));
}

static void
assert_invalid (const char *text,
                const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = canonical (text, &error);

  g_assert_null (node);
  g_assert_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, where));
}

static void
test_guide_invalid (void)
{
  /* Each names the member at fault */
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"working-days\"}, \"task_name\": \"x\"}", "“task_name”");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"30\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"working-days\"}}", "“type_code”");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\"}", "“statutory”");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"weeks\"}}", "“statutory.unit”");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20.5, "
                  "\"unit\": \"working-days\"}}", "“statutory.days”");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"working-days\"}, \"materials\": [{\"id\": \"m1\", \"name\": \"a\", "
                  "\"required\": true}, {\"id\": \"m1\", \"name\": \"b\", \"required\": true}]}",
                  "“materials[2]”");
  /* " m1" is kept as m1: the same id */
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"working-days\"}, \"materials\": [{\"id\": \"m1\", \"name\": \"a\", "
                  "\"required\": true}, {\"id\": \" m1\", \"name\": \"b\", \"required\": true}]}",
                  "is used twice");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"working-days\"}, \"materials\": [{\"id\": \"m1\", \"name\": \"a\", "
                  "\"required\": true, \"copies\": 100}]}", "“materials[1].copies”");
  assert_invalid ("{\"name\": \"x\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
                  "\"unit\": \"working-days\"}, \"materials\": [{\"id\": \"m1\", \"name\": \"a\", "
                  "\"required\": true, \"sample\": {\"sha256\": \"ABC\", \"name\": \"a.pdf\", "
                  "\"media_type\": \"application/pdf\", \"size\": 1}}]}",
                  "“materials[1].sample.sha256”");
  assert_invalid ("{\"name\": \"two\\nlines\", \"type_code\": \"01\", \"statutory\": "
                  "{\"days\": 20, \"unit\": \"working-days\"}}", "“name”");
  assert_invalid ("[1, 2]", "expected an object");
}

/* The limit rules, each with its numbers */

static GPtrArray *
findings_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = canonical (text, &error);

  g_assert_no_error (error);
  return civic_item_limits_check (json_node_get_object (node));
}

static void
assert_finding (const char *text,
                gboolean    refusal,
                const char *field,
                const char *words)
{
  g_autoptr(GPtrArray) findings = findings_of (text);
  CivicItemFinding *finding;

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_test_message ("%s: %s", finding->field, finding->message);
  g_assert_cmpint (finding->refusal, ==, refusal);
  g_assert_cmpstr (finding->field, ==, field);
  g_assert_nonnull (strstr (finding->message, words));
}

#define LIMITS(type, track, statutory, unit, rest) \
  "{\"name\": \"x\", \"type_code\": \"" type "\", \"track\": \"" track "\", " \
  "\"joint_departments\": [\"zrzy\"], " \
  "\"statutory\": {\"days\": " #statutory ", \"unit\": \"" unit "\"}" rest "}"

static void
test_limits (void)
{
  g_autoptr(GPtrArray) fine = findings_of (LIMITS ("01", "ordinary", 20, "working-days",
                                                   ", \"promised\": {\"days\": 10, "
                                                   "\"unit\": \"working-days\"}"));
  g_autoptr(GPtrArray) joint = findings_of (LIMITS ("01", "joint", 45, "working-days", ""));

  g_assert_cmpuint (fine->len, ==, 0);
  g_assert_cmpuint (joint->len, ==, 0);

  /* 21 working days: beyond Art. 42 ¶1 */
  assert_finding (LIMITS ("01", "ordinary", 21, "working-days", ""), TRUE, "statutory.days",
                  "(21 working days)");
  assert_finding (LIMITS ("01", "joint", 46, "working-days", ""), TRUE, "statutory.days",
                  "45 working days");
  /* 30 calendar days, set by a law: taken, flagged */
  assert_finding (LIMITS ("01", "ordinary", 30, "calendar-days",
                          ", \"statutory_basis\": {\"law\": \"《特种设备安全法》\", "
                          "\"clause\": \"第五十九条\"}"),
                  FALSE, "statutory_basis.law", "《特种设备安全法》");
  assert_finding (LIMITS ("01", "ordinary", 30, "calendar-days", ""), TRUE, "statutory.days",
                  "30 calendar days");
  /* Promised over statutory, and units that do not compare */
  assert_finding (LIMITS ("01", "ordinary", 20, "working-days",
                          ", \"promised\": {\"days\": 25, \"unit\": \"working-days\"}"),
                  TRUE, "promised.days", "(25 working days) is longer than the statutory one (20)");
  {
    g_autoptr(GPtrArray) two = findings_of (LIMITS ("01", "ordinary", 30, "calendar-days",
                                                    ", \"statutory_basis\": {\"law\": \"x\"}, "
                                                    "\"promised\": {\"days\": 15, "
                                                    "\"unit\": \"working-days\"}"));

    g_assert_cmpuint (two->len, ==, 2);
    g_assert_true (((CivicItemFinding *) g_ptr_array_index (two, 1))->refusal);
    g_assert_cmpstr (((CivicItemFinding *) g_ptr_array_index (two, 1))->field, ==,
                     "promised.unit");
  }
  g_assert_cmpint (civic_item_limits_ceiling ("01", FALSE, NULL), ==, 20);
  g_assert_cmpint (civic_item_limits_ceiling ("01", TRUE, NULL), ==, 45);
  g_assert_false (civic_item_type_is_applied_for ("02"));
  g_assert_true (civic_item_type_is_applied_for ("20"));
}

static void
test_diff (void)
{
  g_autoptr(JsonNode) before = canonical (GUIDE, NULL);
  g_autofree char *text = canonical_text (GUIDE);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GString) edited = g_string_new (text);
  JsonObject *guide;

  g_string_replace (edited, "\"promised\":{\"days\":10", "\"promised\":{\"days\":5", 1);
  g_string_replace (edited, "\"copies\":1", "\"copies\":2", 1);
  after = civic_json_parse (edited->str, -1, NULL);
  guide = json_node_get_object (after);
  {
    JsonArray *materials = json_object_get_array_member (guide, "materials");
    JsonObject *added = json_object_new ();

    json_object_set_string_member (added, "id", "m3");
    json_object_set_string_member (added, "name", "食品安全管理制度");
    json_object_set_boolean_member (added, "required", TRUE);
    json_array_add_object_element (materials, added);
    json_array_remove_element (materials, 1);
  }
  changes = civic_item_guide_diff (json_node_get_object (before), guide);
  for (guint i = 0; i < changes->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (changes, i));
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "Promised Limit: 10 working days → "
                                                       "5 working days");
  g_assert_cmpstr (g_ptr_array_index (changes, 1), ==, "Material changed: 食品经营许可申请书 — "
                                                       "Copies");
  g_assert_cmpstr (g_ptr_array_index (changes, 2), ==, "Material added: 食品安全管理制度 "
                                                       "(required)");
  g_assert_cmpstr (g_ptr_array_index (changes, 3), ==, "Material removed: 营业执照");
  g_ptr_array_unref (civic_item_guide_diff (guide, guide));

  /* The same materials in another order, and a text changed */
  {
    g_autofree char *reordered_text = canonical_text (
      "{\"name\": \"食品经营许可\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
      "\"unit\": \"working-days\"}, \"conditions\": \"新条件\", \"materials\": ["
      "{\"id\": \"m2\", \"name\": \"b\", \"required\": true},"
      "{\"id\": \"m1\", \"name\": \"a\", \"required\": true}]}");
    g_autofree char *ordered_text = canonical_text (
      "{\"name\": \"食品经营许可\", \"type_code\": \"01\", \"statutory\": {\"days\": 20, "
      "\"unit\": \"working-days\"}, \"conditions\": \"旧条件\", \"materials\": ["
      "{\"id\": \"m1\", \"name\": \"a\", \"required\": true},"
      "{\"id\": \"m2\", \"name\": \"b\", \"required\": true}]}");
    g_autoptr(JsonNode) reordered = civic_json_parse (reordered_text, -1, NULL);
    g_autoptr(JsonNode) ordered = civic_json_parse (ordered_text, -1, NULL);
    g_autoptr(GPtrArray) moved = civic_item_guide_diff (json_node_get_object (ordered),
                                                        json_node_get_object (reordered));

    g_assert_cmpuint (moved->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (moved, 0), ==, "Materials put in another order");
    g_assert_cmpstr (g_ptr_array_index (moved, 1), ==, "Acceptance Conditions: 新条件");
  }
}

static char *
save_args (const char *guide)
{
  return g_strdup_printf ("{\"guide\": %s}", guide);
}

static void
test_versions (void)
{
  CivicItem *item = CIVIC_ITEM (civic_item_kind.create (CODE, CIVIC_ITEM_ACTION_CREATE,
                                                         context_at (editor,
                                                                     "2026-12-07T09:00:00+08:00"),
                                                         NULL));
  g_autofree char *guide = canonical_text (GUIDE);
  g_autofree char *save = save_args (guide);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(CivicItem) again = NULL;
  g_autoptr(GError) error = NULL;
  GArray *history;

  item = take (item, CIVIC_ITEM_ACTION_CREATE, editor, "2026-12-07T09:00:00+08:00",
               "{\"name\": \"食品经营许可\", \"type_code\": \"01\"}");
  g_assert_cmpint (civic_item_get_state (item), ==, CIVIC_ITEM_STATE_NEW);
  g_assert_cmpint (civic_item_get_pending (item)->version, ==, 1);
  g_assert_cmpstr (civic_item_get_department_id (item), ==, "scjg");
  g_assert_cmpstr (civic_item_get_name (item), ==, "食品经营许可");

  /* Another department's editor does not touch it */
  g_free (refused (item, CIVIC_ITEM_ACTION_SAVE, elsewhere, "2026-12-07T09:05:00+08:00", save,
                   CIVIC_WORKFLOW_ERROR_ROLE));
  item = take (item, CIVIC_ITEM_ACTION_SAVE, editor, "2026-12-07T09:10:00+08:00", save);
  item = take (item, CIVIC_ITEM_ACTION_SUBMIT, editor, "2026-12-07T09:20:00+08:00",
               "{\"note\": \"首版\"}");
  g_assert_cmpint (civic_item_get_pending (item)->state, ==, CIVIC_ITEM_VERSION_IN_REVIEW);

  /* Four eyes: who wrote any of it does not approve it */
  message = refused (item, CIVIC_ITEM_ACTION_REVIEW, both, "2026-12-07T10:00:00+08:00",
                     "{\"decision\": \"approve\", \"effective_on\": \"2026-12-08\"}",
                     CIVIC_WORKFLOW_ERROR_ROLE);
  g_assert_true (g_str_has_prefix (message, "You wrote this version"));
  g_free (refused (item, CIVIC_ITEM_ACTION_REVIEW, reviewer, "2026-12-07T10:00:00+08:00",
                   "{\"decision\": \"return\"}", CIVIC_WORKFLOW_ERROR_ARGUMENT));
  g_free (refused (item, CIVIC_ITEM_ACTION_REVIEW, reviewer, "2026-12-07T10:00:00+08:00",
                   "{\"decision\": \"approve\", \"effective_on\": \"2026-12-06\"}",
                   CIVIC_WORKFLOW_ERROR_ARGUMENT));
  item = take (item, CIVIC_ITEM_ACTION_REVIEW, reviewer, "2026-12-07T10:00:00+08:00",
               "{\"decision\": \"approve\", \"effective_on\": \"2026-12-08\"}");
  g_assert_cmpint (civic_item_get_pending (item)->state, ==, CIVIC_ITEM_VERSION_SCHEDULED);
  {
    g_autofree char *at = g_date_time_format_iso8601 (civic_item_get_pending (item)->effective_at);

    g_assert_cmpstr (at, ==, "2026-12-08T00:00:00+08");
  }

  /* Not before its day; the service only */
  g_free (refused (item, CIVIC_ITEM_ACTION_MAKE_EFFECTIVE, service, "2026-12-07T23:59:59+08:00",
                   NULL, CIVIC_WORKFLOW_ERROR_RULE));
  g_free (refused (item, CIVIC_ITEM_ACTION_MAKE_EFFECTIVE, reviewer, "2026-12-08T00:00:00+08:00",
                   NULL, CIVIC_WORKFLOW_ERROR_ROLE));
  /* Run late after a restart, it still took effect at 00:00 */
  item = take (item, CIVIC_ITEM_ACTION_MAKE_EFFECTIVE, service, "2026-12-09T08:00:00+08:00",
               NULL);
  g_assert_cmpint (civic_item_get_state (item), ==, CIVIC_ITEM_STATE_EFFECTIVE);
  g_assert_cmpint (civic_item_get_version (item), ==, 1);
  assert_day_eq (civic_item_get_effective_on (item), "2026-12-08");
  g_assert_null (civic_item_get_pending (item));

  /* Version 2: promised 10 → 5 working days, effective on the 10th */
  item = take (item, CIVIC_ITEM_ACTION_REVISE, editor, "2026-12-09T09:00:00+08:00", NULL);
  g_assert_cmpint (civic_item_get_pending (item)->version, ==, 2);
  g_free (refused (item, CIVIC_ITEM_ACTION_SUBMIT, editor, "2026-12-09T09:01:00+08:00", NULL,
                   CIVIC_WORKFLOW_ERROR_RULE));
  {
    g_autoptr(GString) edited = g_string_new (save);
    g_autoptr(GString) over = g_string_new (save);

    /* Saved with a limit the law refuses, but never submitted so */
    g_string_replace (over, "\"promised\":{\"days\":10", "\"promised\":{\"days\":25", 1);
    item = take (item, CIVIC_ITEM_ACTION_SAVE, editor, "2026-12-09T09:02:00+08:00", over->str);
    g_free (message);
    message = refused (item, CIVIC_ITEM_ACTION_SUBMIT, editor, "2026-12-09T09:03:00+08:00", NULL,
                       CIVIC_WORKFLOW_ERROR_RULE);
    g_assert_cmpstr (message, ==, "The promised limit (25 working days) is longer than the "
                                  "statutory one (20)");
    g_string_replace (edited, "\"promised\":{\"days\":10", "\"promised\":{\"days\":5", 1);
    item = take (item, CIVIC_ITEM_ACTION_SAVE, editor, "2026-12-09T09:04:00+08:00", edited->str);
  }
  changes = civic_item_dup_pending_changes (item);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "Promised Limit: 10 working days → "
                                                       "5 working days");
  item = take (item, CIVIC_ITEM_ACTION_SUBMIT, editor, "2026-12-09T09:05:00+08:00", NULL);
  item = take (item, CIVIC_ITEM_ACTION_REVIEW, reviewer, "2026-12-09T11:00:00+08:00",
               "{\"decision\": \"return\", \"comment\": \"依据写全\"}");
  g_assert_cmpint (civic_item_get_pending (item)->state, ==, CIVIC_ITEM_VERSION_DRAFT);
  g_assert_cmpstr (civic_item_get_pending (item)->comment, ==, "依据写全");
  item = take (item, CIVIC_ITEM_ACTION_SUBMIT, editor, "2026-12-09T11:30:00+08:00", NULL);
  /* Approved for today: in effect from the approval, not from 00:00; from
   * then on no longer taken back, a case may be filed under it */
  item = take (item, CIVIC_ITEM_ACTION_REVIEW, reviewer, "2026-12-10T14:00:00+08:00",
               "{\"decision\": \"approve\", \"effective_on\": \"2026-12-10\"}");
  {
    g_autofree char *at = g_date_time_format_iso8601 (civic_item_get_pending (item)->effective_at);

    g_assert_cmpstr (at, ==, "2026-12-10T14:00:00+08");
  }
  g_free (refused (item, CIVIC_ITEM_ACTION_UNSCHEDULE, reviewer, "2026-12-10T14:00:01+08:00",
                   "{\"reason\": \"撤回\"}", CIVIC_WORKFLOW_ERROR_RULE));
  item = take (item, CIVIC_ITEM_ACTION_MAKE_EFFECTIVE, service, "2026-12-10T14:00:01+08:00",
               NULL);
  g_assert_cmpint (civic_item_get_version (item), ==, 2);
  history = civic_item_get_history (item);
  g_assert_cmpuint (history->len, ==, 2);
  assert_day_eq (g_array_index (history, CivicItemHistory, 0).superseded_on, "2026-12-10");
  assert_day_eq (g_array_index (history, CivicItemHistory, 1).superseded_on, "none");

  /* The wire format keeps it all */
  json = civic_item_to_json (item);
  again = civic_item_new_from_json (json, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) json2 = civic_item_to_json (again);
    g_autofree char *a = civic_json_to_string (json, FALSE);
    g_autofree char *b = civic_json_to_string (json2, FALSE);

    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (a, "\"name\":\"食品经营许可\""));
    g_assert_nonnull (strstr (a, "\"department\":\"scjg\""));
  }

  /* A repeal, approved for a day and taken back, then again and in effect */
  g_free (refused (item, CIVIC_ITEM_ACTION_REPEAL, editor, "2026-12-11T09:00:00+08:00",
                   "{\"effective_on\": \"2026-12-31\", \"basis\": \"湘政发〔2026〕9号\"}",
                   CIVIC_WORKFLOW_ERROR_ROLE));
  item = take (item, CIVIC_ITEM_ACTION_REPEAL, reviewer, "2026-12-11T09:00:00+08:00",
               "{\"effective_on\": \"2026-12-31\", \"basis\": \"湘政发〔2026〕9号\"}");
  item = take (item, CIVIC_ITEM_ACTION_UNSCHEDULE, reviewer, "2026-12-12T09:00:00+08:00",
               "{\"reason\": \"暂缓\"}");
  g_assert_null (civic_item_get_pending (item));
  item = take (item, CIVIC_ITEM_ACTION_REPEAL, reviewer, "2026-12-12T09:00:00+08:00",
               "{\"effective_on\": \"2026-12-31\", \"basis\": \"湘政发〔2026〕9号\"}");
  item = take (item, CIVIC_ITEM_ACTION_MAKE_EFFECTIVE, service, "2026-12-31T00:00:05+08:00",
               NULL);
  g_assert_cmpint (civic_item_get_state (item), ==, CIVIC_ITEM_STATE_REPEALED);
  assert_day_eq (civic_item_get_repealed_on (item), "2026-12-31");
  g_assert_cmpstr (civic_item_get_repeal_basis (item), ==, "湘政发〔2026〕9号");
  g_free (refused (item, CIVIC_ITEM_ACTION_REVISE, editor, "2027-01-04T09:00:00+08:00", NULL,
                   CIVIC_WORKFLOW_ERROR_STATE));
  g_object_unref (item);
}

/* Files come in by attach-item-file; a save cannot slip one in */
static void
test_files (void)
{
  static const char sha[] = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
  CivicItem *item = CIVIC_ITEM (civic_item_kind.create (CODE, CIVIC_ITEM_ACTION_CREATE,
                                                         context_at (editor,
                                                                     "2026-12-07T09:00:00+08:00"),
                                                         NULL));
  g_autofree char *guide = canonical_text (GUIDE);
  g_autofree char *save = save_args (guide);
  g_autofree char *attach = g_strdup_printf ("{\"material\": \"m1\", \"role\": \"blank-form\", "
                                             "\"sha256\": \"%s\", \"name\": \"申请书.docx\", "
                                             "\"media_type\": \"application/vnd.openxmlformats-"
                                             "officedocument.wordprocessingml.document\", "
                                             "\"size\": 12288}", sha);
  g_autoptr(GString) forged = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *material;

  item = take (item, CIVIC_ITEM_ACTION_CREATE, editor, "2026-12-07T09:00:00+08:00",
               "{\"name\": \"食品经营许可\", \"type_code\": \"01\"}");
  item = take (item, CIVIC_ITEM_ACTION_SAVE, editor, "2026-12-07T09:01:00+08:00", save);
  item = take (item, CIVIC_ITEM_ACTION_ATTACH_FILE, editor, "2026-12-07T09:02:00+08:00", attach);
  material = civic_item_guide_find_material (json_node_get_object (civic_item_get_pending (item)->guide),
                                             "m1");
  g_assert_cmpstr (civic_json_lookup_string (json_object_get_object_member (material, "blank_form"),
                                             "name", NULL), ==, "申请书.docx");
  civic_item_guide_collect_files (json_node_get_object (civic_item_get_pending (item)->guide),
                                  files);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, sha);

  /* A save keeps it, and cannot name another */
  json = json_node_copy (civic_item_get_pending (item)->guide);
  {
    g_autofree char *text = civic_json_to_string (json, FALSE);
    g_autofree char *resave = save_args (text);

    item = take (item, CIVIC_ITEM_ACTION_SAVE, editor, "2026-12-07T09:03:00+08:00", resave);
    forged = g_string_new (resave);
    g_string_replace (forged, sha, "0000000000000000000000000000000000000000000000000000000000000000",
                      1);
    g_free (refused (item, CIVIC_ITEM_ACTION_SAVE, editor, "2026-12-07T09:04:00+08:00",
                     forged->str, CIVIC_WORKFLOW_ERROR_ARGUMENT));
  }
  g_free (refused (item, CIVIC_ITEM_ACTION_ATTACH_FILE, editor, "2026-12-07T09:05:00+08:00",
                   "{\"material\": \"m9\", \"role\": \"sample\", \"sha256\": \"x\", "
                   "\"name\": \"a\", \"media_type\": \"a/b\", \"size\": 1}",
                   CIVIC_WORKFLOW_ERROR_ARGUMENT));
  item = take (item, CIVIC_ITEM_ACTION_REMOVE_FILE, editor, "2026-12-07T09:06:00+08:00",
               "{\"material\": \"m1\", \"role\": \"blank-form\"}");
  g_free (refused (item, CIVIC_ITEM_ACTION_REMOVE_FILE, editor, "2026-12-07T09:07:00+08:00",
                   "{\"material\": \"m1\", \"role\": \"blank-form\"}",
                   CIVIC_WORKFLOW_ERROR_STATE));
  g_object_unref (item);
}

/* A province's list: scheduled at once, and refused with a bad limit */
static void
test_import (void)
{
  CivicItem *item = CIVIC_ITEM (civic_item_kind.create (CODE, CIVIC_ITEM_ACTION_IMPORT_VERSION,
                                                         context_at (service,
                                                                     "2026-12-07T09:00:00+08:00"),
                                                         NULL));
  g_autofree char *guide = canonical_text (GUIDE);
  g_autofree char *args = g_strdup_printf ("{\"guide\": %s, \"department_id\": \"scjg\", "
                                           "\"effective_on\": \"2026-12-07\"}", guide);
  g_autoptr(GString) over = g_string_new (args);

  g_string_replace (over, "\"days\":20", "\"days\":21", 1);
  g_free (refused (item, CIVIC_ITEM_ACTION_IMPORT_VERSION, service, "2026-12-07T09:00:00+08:00",
                   over->str, CIVIC_WORKFLOW_ERROR_RULE));
  item = take (item, CIVIC_ITEM_ACTION_IMPORT_VERSION, service, "2026-12-07T09:00:00+08:00", args);
  g_assert_cmpint (civic_item_get_pending (item)->state, ==, CIVIC_ITEM_VERSION_SCHEDULED);
  g_assert_cmpstr (civic_item_get_department_id (item), ==, "scjg");
  item = take (item, CIVIC_ITEM_ACTION_MAKE_EFFECTIVE, service, "2026-12-07T09:00:00+08:00", NULL);
  /* The same guide again is no new version */
  g_free (refused (item, CIVIC_ITEM_ACTION_IMPORT_VERSION, service, "2026-12-07T10:00:00+08:00",
                   args, CIVIC_WORKFLOW_ERROR_STATE));
  g_object_unref (item);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  calendar = civic_calendar_new_default ("CN", &error);
  g_assert_no_error (error);
  editor = civic_actor_new ("u-editor", "编制员", "scjg", CIVIC_ROLE_CATALOGUE_EDITOR);
  reviewer = civic_actor_new ("u-reviewer", "审核员", "scjg", CIVIC_ROLE_CATALOGUE_REVIEWER);
  both = civic_actor_new ("u-editor", "编制员", "scjg",
                          CIVIC_ROLE_CATALOGUE_EDITOR | CIVIC_ROLE_CATALOGUE_REVIEWER);
  elsewhere = civic_actor_new ("u-other", "他人", "zrzy", CIVIC_ROLE_CATALOGUE_EDITOR);
  service = civic_actor_new ("system", "service", NULL, CIVIC_ROLE_SYSTEM);

  g_test_add_func ("/item/guide-canonical", test_guide_canonical);
  g_test_add_func ("/item/guide-invalid", test_guide_invalid);
  g_test_add_func ("/item/limits", test_limits);
  g_test_add_func ("/item/diff", test_diff);
  g_test_add_func ("/item/versions", test_versions);
  g_test_add_func ("/item/files", test_files);
  g_test_add_func ("/item/import", test_import);
  return g_test_run ();
}
