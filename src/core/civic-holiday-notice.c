/* civic-holiday-notice.c — one year's holiday notice, as administrators import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-holiday-notice"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-calendar-notice.h"
#include "civic-core-enums.h"
#include "civic-holiday-notice.h"
#include "civic-json.h"
#include "civic-workflow.h"

/* The hall's administrators import the notice as the State Council
 * published it, its text pasted (civic-calendar-notice.c reads it, day
 * by day against the weekdays it gives), under the id of the year it
 * arranges; a corrected notice replaces the year's. The service checks
 * the notice against those of the other years, stores it, and counts
 * with it from its next request (civic-calendar-records.c). The id is
 * the national region's: a province's own overlay is the command line's. */

#define NOTICE_TEXT_MAX (64 * 1024)

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

struct _CivicHolidayNotice
{
  GObject     parent_instance;

  char       *id;
  gint64      rev;
  JsonNode   *notice;   /* (nullable): none before the first import */
};

G_DEFINE_FINAL_TYPE (CivicHolidayNotice, civic_holiday_notice, G_TYPE_OBJECT)

static void
civic_holiday_notice_finalize (GObject *object)
{
  CivicHolidayNotice *self = CIVIC_HOLIDAY_NOTICE (object);

  g_free (self->id);
  g_clear_pointer (&self->notice, json_node_unref);
  G_OBJECT_CLASS (civic_holiday_notice_parent_class)->finalize (object);
}

static void
civic_holiday_notice_class_init (CivicHolidayNoticeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_holiday_notice_finalize;
}

static void
civic_holiday_notice_init (CivicHolidayNotice *self)
{
}

CivicHolidayNotice *
civic_holiday_notice_new (const char *id)
{
  CivicHolidayNotice *self = g_object_new (CIVIC_TYPE_HOLIDAY_NOTICE, NULL);

  self->id = g_strdup (id);
  return self;
}

/* "CN-2027": the national notice of @year */
char *
civic_holiday_notice_id_for_year (int year)
{
  return g_strdup_printf ("CN-%d", year);
}

/* The year an id names, or 0 */
static int
year_of_id (const char *id)
{
  char *end = NULL;
  long year;

  if (id == NULL || !g_str_has_prefix (id, "CN-"))
    return 0;
  year = strtol (id + 3, &end, 10);
  if (end == NULL || *end != '\0' || year < 2000 || year > 2200)
    return 0;
  return (int) year;
}

CivicHolidayNotice *
civic_holiday_notice_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(CivicHolidayNotice) self = NULL;
  g_autoptr(JsonNode) copy = NULL;
  const char *id = NULL;
  gint64 rev = 0, year = 0;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A holiday notice is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", FALSE, &id, error) ||
      !civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_int (object, "year", TRUE, 1949, 2200, &year, error))
    return NULL;

  /* A deep copy: json_node_copy() shares the object, and @node's id */
  copy = civic_json_deep_copy (node);
  json_object_remove_member (json_node_get_object (copy), "id");
  json_object_remove_member (json_node_get_object (copy), "rev");
  if (id == NULL)
    {
      /* As data/calendars/ has it: named by its region and year */
      g_autofree char *named = g_strdup_printf ("%s-%" G_GINT64_FORMAT,
                                                civic_json_lookup_string (object, "region", "CN"),
                                                year);

      self = civic_holiday_notice_new (named);
    }
  else
    self = civic_holiday_notice_new (id);
  self->rev = rev;
  self->notice = g_steal_pointer (&copy);
  return g_steal_pointer (&self);
}

/**
 * civic_holiday_notice_to_json:
 *
 * Returns: (transfer full): the notice as the calendar reads it, with the
 * record's id and revision
 */
JsonNode *
civic_holiday_notice_to_json (CivicHolidayNotice *self)
{
  JsonNode *node;

  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), NULL);

  if (self->notice != NULL)
    node = civic_json_deep_copy (self->notice);
  else
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
    }
  json_object_set_string_member (json_node_get_object (node), "id", self->id);
  json_object_set_int_member (json_node_get_object (node), "rev", self->rev);
  return node;
}

const char *
civic_holiday_notice_get_id (CivicHolidayNotice *self)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), NULL);
  return self->id;
}

gint64
civic_holiday_notice_get_rev (CivicHolidayNotice *self)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), 0);
  return self->rev;
}

JsonObject *
civic_holiday_notice_get_notice (CivicHolidayNotice *self)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), NULL);
  return self->notice != NULL ? json_node_get_object (self->notice) : NULL;
}

int
civic_holiday_notice_get_year (CivicHolidayNotice *self)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), 0);
  if (self->notice == NULL)
    return year_of_id (self->id);
  return (int) civic_json_lookup_int (json_node_get_object (self->notice), "year", 0);
}

static const char *
about (CivicHolidayNotice *self,
       const char         *member)
{
  JsonObject *notice = self->notice != NULL
                       ? civic_json_lookup_object (json_node_get_object (self->notice), "notice")
                       : NULL;
  const char *value = notice != NULL ? civic_json_lookup_string (notice, member, NULL) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

const char *
civic_holiday_notice_get_title (CivicHolidayNotice *self)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), NULL);
  return about (self, "title");
}

const char *
civic_holiday_notice_get_number (CivicHolidayNotice *self)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (self), NULL);
  return about (self, "number");
}

/* The kind */

static const CivicArgument import_arguments[] = {
  { .name = "text", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE,
    .title = N_("The Notice’s _Text"),
    .description = N_("As the State Council published it, title and paragraphs: each day is "
                      "checked against the weekday it gives") },
  { .name = "number", .kind = CIVIC_ARGUMENT_LINE, .title = N_("Notice’s Document _Number") },
  CIVIC_ARGUMENTS_END
};

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_HOLIDAY_NOTICE_ACTION)

static const char *
kind_action_label (guint action)
{
  return _("Import Notice");
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  return _("Imported the holiday notice");
}

static const CivicArgument *
kind_arguments (guint action)
{
  return import_arguments;
}

static CivicActionWeight
kind_weight (guint action)
{
  return CIVIC_WEIGHT_DELIBERATE;
}

static gboolean
kind_safe_when_stale (guint action)
{
  return FALSE;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_holiday_notice_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_holiday_notice_get_id (CIVIC_HOLIDAY_NOTICE (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_holiday_notice_get_rev (CIVIC_HOLIDAY_NOTICE (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  CIVIC_HOLIDAY_NOTICE (record)->rev = rev;
}

static char *
kind_label (GObject *record)
{
  CivicHolidayNotice *self = CIVIC_HOLIDAY_NOTICE (record);
  const char *title = civic_holiday_notice_get_title (self);

  if (title != NULL)
    return g_strdup (title);
  /* Translators: a year's holiday notice not yet imported: "The holidays of 2027" */
  return g_strdup_printf (_("The holidays of %d"), civic_holiday_notice_get_year (self));
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u notice.", "For %u notices.", n_records),
                          n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicHolidayNotice *self = CIVIC_HOLIDAY_NOTICE (record);
  JsonObject *notice = civic_holiday_notice_get_notice (self);
  JsonArray *holidays = NULL;
  guint n;
  const char *number = civic_holiday_notice_get_number (self);
  g_autofree char *count = NULL;

  if (notice != NULL)
    civic_json_get_array (notice, "holidays", FALSE, &holidays, NULL);
  n = holidays != NULL ? json_array_get_length (holidays) : 0;
  count = g_strdup_printf (civic_ngettext ("%u holiday", "%u holidays", n), n);

  if (number == NULL)
    return g_steal_pointer (&count);
  /* Translators: a notice's document number, then how many holidays it arranges */
  return g_strdup_printf (_("%s · %s"), number, count);
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_holiday_notice_to_json (CIVIC_HOLIDAY_NOTICE (record));

  return civic_json_to_string (node, FALSE);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_HOLIDAY_NOTICE (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  if (action >= CIVIC_N_HOLIDAY_NOTICE_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!civic_actor_has_role (context->actor, CIVIC_ROLE_ADMIN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Holiday notices are imported by the hall’s administrators"));
  if (year_of_id (civic_holiday_notice_get_id (CIVIC_HOLIDAY_NOTICE (record))) == 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A national holiday notice is named by its year: CN-2027"));
  return TRUE;
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint action = CIVIC_HOLIDAY_NOTICE_ACTION_IMPORT;

  if (kind_check (record, action, context, NULL))
    g_array_append_val (actions, action);
  return actions;
}

/* The text read into the calendar's JSON, for the year the record is
 * named by: a notice of another year is refused, not filed elsewhere */
static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  CivicHolidayNotice *self = CIVIC_HOLIDAY_NOTICE (record);
  int year = year_of_id (self->id);
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) notice = NULL;
  g_autoptr(JsonObject) empty = NULL;
  CivicHolidayNotice *next;
  const char *text, *number;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  if (!civic_workflow_arg_text (args, "text", TRUE, NOTICE_TEXT_MAX, &text, error) ||
      !civic_workflow_arg_text (args, "number", FALSE, 64, &number, error))
    return NULL;
  /* The title names its year: another one's text is not filed here */
  {
    const char *title_year = strstr (text, "关于");

    if (title_year != NULL && atoi (title_year + strlen ("关于")) >= 2000 &&
        atoi (title_year + strlen ("关于")) != year)
      {
        refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                _("The notice arranges another year than %d"), year);
        return NULL;
      }
  }
  notice = civic_calendar_notice_parse (text, year, number, NULL, &local);
  if (notice == NULL)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, "%s", local->message);
      return NULL;
    }
  if (civic_json_lookup_int (json_node_get_object (notice), "year", 0) != year)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("The notice arranges another year than %d"),
              year);
      return NULL;
    }

  next = civic_holiday_notice_new (self->id);
  next->rev = self->rev;
  next->notice = g_steal_pointer (&notice);
  return G_OBJECT (next);
}

static gboolean
kind_creates (guint action)
{
  return TRUE;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  if (year_of_id (id) == 0)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A national holiday notice is named by its year: CN-2027"));
      return NULL;
    }
  return G_OBJECT (civic_holiday_notice_new (id));
}

const CivicEntityKind civic_holiday_notice_kind = {
  .type = CIVIC_ENTITY_CALENDAR,
  .collection = "calendars",
  .record_type = civic_holiday_notice_get_type,
  .n_actions = CIVIC_N_HOLIDAY_NOTICE_ACTIONS,
  .action_from_string = kind_action_from_string,
  .action_to_string = kind_action_to_string,
  .action_label = kind_action_label,
  .past_tense = kind_past_tense,
  .arguments = kind_arguments,
  .weight = kind_weight,
  .safe_when_stale = kind_safe_when_stale,
  .from_json = kind_from_json,
  .get_id = kind_get_id,
  .get_rev = kind_get_rev,
  .set_rev = kind_set_rev,
  .label = kind_label,
  .headline = kind_label,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The notice now"),
  .open_label = N_("_Open Notice"),
  .not_cached = N_("The notice is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
