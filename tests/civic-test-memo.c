/* civic-test-memo.c — a kind of record that is not a case, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-json.h"
#include "civic-test-memo.h"
#include "civic-workflow.h"

struct _CivicTestMemo
{
  GObject   parent_instance;

  char     *id;
  gint64    rev;
  char     *title;
  char     *text;
  gboolean  closed;
};

G_DEFINE_FINAL_TYPE (CivicTestMemo, civic_test_memo, G_TYPE_OBJECT)

static void
civic_test_memo_finalize (GObject *object)
{
  CivicTestMemo *self = CIVIC_TEST_MEMO (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->text);
  G_OBJECT_CLASS (civic_test_memo_parent_class)->finalize (object);
}

static void
civic_test_memo_class_init (CivicTestMemoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_test_memo_finalize;
}

static void
civic_test_memo_init (CivicTestMemo *self)
{
}

const char *
civic_test_memo_get_title (CivicTestMemo *self)
{
  return self->title;
}

const char *
civic_test_memo_get_text (CivicTestMemo *self)
{
  return self->text;
}

gboolean
civic_test_memo_get_closed (CivicTestMemo *self)
{
  return self->closed;
}

static CivicTestMemo *
copy (CivicTestMemo *self)
{
  CivicTestMemo *other = g_object_new (CIVIC_TEST_TYPE_MEMO, NULL);

  other->id = g_strdup (self->id);
  other->rev = self->rev;
  other->title = g_strdup (self->title);
  other->text = g_strdup (self->text);
  other->closed = self->closed;
  return other;
}

static char *
to_json (CivicTestMemo *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, self->rev);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, self->text);
  json_builder_set_member_name (builder, "closed");
  json_builder_add_boolean_value (builder, self->closed);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return civic_json_to_string (node, FALSE);
}

/**
 * civic_test_memo_feed_data:
 *
 * Returns: a memo as the feed would carry it: a record's data carries its
 * revision, as a case's does
 */
char *
civic_test_memo_feed_data (const char *id,
                           gint64      rev,
                           const char *title,
                           const char *text)
{
  g_autoptr(CivicTestMemo) memo = g_object_new (CIVIC_TEST_TYPE_MEMO, NULL);

  memo->id = g_strdup (id);
  memo->rev = rev;
  memo->title = g_strdup (title);
  memo->text = g_strdup (text);
  return to_json (memo);
}

/* The kind */

static const char * const names[] = { "memo-edit", "memo-close" };

static gboolean
action_from_string (const char *name,
                    guint      *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

static const char *
action_to_string (guint action)
{
  return action < G_N_ELEMENTS (names) ? names[action] : NULL;
}

static const char *
action_label (guint action)
{
  return action == CIVIC_TEST_MEMO_EDIT ? "Edit Memo" : "Close Memo";
}

static const char *
past_tense (const char *name)
{
  guint action;

  if (!action_from_string (name, &action))
    return NULL;
  return action == CIVIC_TEST_MEMO_EDIT ? "Edited the memo" : "Closed the memo";
}

static gboolean
safe_when_stale (guint action)
{
  return action == CIVIC_TEST_MEMO_EDIT;
}

static const CivicArgument edit_arguments[] = {
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = "_Text" },
  { .name = "reason", .kind = CIVIC_ARGUMENT_LINE, .title = "_Reason" },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument no_arguments[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument *
arguments (guint action)
{
  return action == CIVIC_TEST_MEMO_EDIT ? edit_arguments : no_arguments;
}

static CivicActionWeight
weight (guint action)
{
  return action == CIVIC_TEST_MEMO_CLOSE ? CIVIC_WEIGHT_DESTRUCTIVE : CIVIC_WEIGHT_ROUTINE;
}

static GObject *
from_json (JsonNode  *node,
           GError   **error)
{
  CivicTestMemo *memo;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "A memo is an object");
      return NULL;
    }
  object = json_node_get_object (node);
  memo = g_object_new (CIVIC_TEST_TYPE_MEMO, NULL);
  memo->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));
  memo->rev = json_object_get_int_member_with_default (object, "rev", 0);
  memo->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
  memo->text = g_strdup (json_object_get_string_member_with_default (object, "text", ""));
  memo->closed = json_object_get_boolean_member_with_default (object, "closed", FALSE);
  return G_OBJECT (memo);
}

static const char *
get_id (GObject *record)
{
  return CIVIC_TEST_MEMO (record)->id;
}

static gint64
get_rev (GObject *record)
{
  return CIVIC_TEST_MEMO (record)->rev;
}

static void
set_rev (GObject *record,
         gint64   rev)
{
  CIVIC_TEST_MEMO (record)->rev = rev;
}

static char *
label (GObject *record)
{
  return g_strdup (CIVIC_TEST_MEMO (record)->title);
}

static char *
headline (GObject *record)
{
  return g_strdup_printf ("Memo “%s”", CIVIC_TEST_MEMO (record)->title);
}

static char *
headline_n (guint n_records)
{
  return g_strdup_printf ("For %u memos", n_records);
}

static char *
describe (GObject *record)
{
  return g_strdup (CIVIC_TEST_MEMO (record)->closed ? "Closed" : "Open");
}

static char *
to_feed_json (GObject       *record,
              CivicCalendar *calendar,
              CivicDay       today)
{
  return to_json (CIVIC_TEST_MEMO (record));
}

static gboolean
check (GObject                    *record,
       guint                       action,
       const CivicWorkflowContext *context,
       GError                    **error)
{
  if (CIVIC_TEST_MEMO (record)->closed)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE,
                           "The memo is closed");
      return FALSE;
    }
  return TRUE;
}

static GArray *
list_actions (GObject                    *record,
              const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint action = 0; action < G_N_ELEMENTS (names); action++)
    if (check (record, action, context, NULL))
      g_array_append_val (actions, action);
  return actions;
}

static GObject *
apply (GObject                    *record,
       guint                       action,
       JsonObject                 *args,
       const CivicWorkflowContext *context,
       GError                    **error)
{
  CivicTestMemo *next;
  const char *text = NULL;

  if (!check (record, action, context, error))
    return NULL;
  if (action == CIVIC_TEST_MEMO_EDIT)
    {
      g_autoptr(GError) local_error = NULL;

      if (args == NULL || !civic_json_get_text (args, "text", TRUE, &text, &local_error))
        {
          g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                               local_error != NULL ? local_error->message : "“text” is missing");
          return NULL;
        }
    }

  next = copy (CIVIC_TEST_MEMO (record));
  if (action == CIVIC_TEST_MEMO_EDIT)
    {
      g_free (next->text);
      next->text = g_strdup (text);
    }
  else
    next->closed = TRUE;
  return G_OBJECT (next);
}

const CivicEntityKind civic_test_memo_kind = {
  .type = "memo",
  .collection = "memos",
  .record_type = civic_test_memo_get_type,
  .n_actions = G_N_ELEMENTS (names),
  .action_from_string = action_from_string,
  .action_to_string = action_to_string,
  .action_label = action_label,
  .past_tense = past_tense,
  .arguments = arguments,
  .weight = weight,
  .safe_when_stale = safe_when_stale,
  .from_json = from_json,
  .get_id = get_id,
  .get_rev = get_rev,
  .set_rev = set_rev,
  .label = label,
  .headline = headline,
  .headline_n = headline_n,
  .describe = describe,
  .now_title = "The memo now",
  .open_label = "_Open Memo",
  .not_cached = "The memo is not in the offline copy",
  .to_feed_json = to_feed_json,
  .check = check,
  .list_actions = list_actions,
  .apply = apply,
};
