/* civic-calendar-records.c — holiday notices kept by the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-calendar-records"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-calendar-notice.h"
#include "civic-calendar-records.h"
#include "civic-holiday-notice.h"
#include "civic-policy.h"
#include "civic-workflow.h"
#include "civic-case.h"
#include "civic-core-enums.h"
#include "civic-disclosure-request.h"
#include "civic-message.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"

/* The service's database is the source of truth for working days: each
 * annual notice (and each regional overlay) is an entity "calendar" with
 * the id "<region>-<year>", sent to every client through the feed so the
 * client counts exactly as the service does. `init` and `demo` import the
 * notices shipped with the program; `calendar import` adds next year's
 * when the State Council publishes it, or replaces a corrected one. */

static char *
notice_id (JsonNode *notice)
{
  JsonObject *object = json_node_get_object (notice);

  return g_strdup_printf ("%s-%" G_GINT64_FORMAT,
                          json_object_get_string_member_with_default (object, "region", "?"),
                          json_object_get_int_member_with_default (object, "year", 0));
}

/**
 * civic_calendar_records_generation:
 *
 * Returns: the newest feed sequence number of a holiday notice: it
 * changes whenever one is imported, here or by another process; -1 with
 * @error when it cannot be read
 */
gint64
civic_calendar_records_generation (CivicDb      *db,
                                   GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT coalesce (max (seq), 0) FROM entity "
                                            "WHERE type = '" CIVIC_ENTITY_CALENDAR "'",
                                        error);
  gint64 seq = -1;
  gboolean row;

  if (stmt == NULL)
    return -1;
  if (civic_db_step (db, stmt, &row, error) && row)
    seq = civic_db_column_int64 (stmt, 0);
  civic_db_reset (stmt);
  return seq;
}

/**
 * civic_calendar_records_load:
 *
 * Returns: (transfer full) (nullable): the calendar of @region from every
 * notice stored.
 */
CivicCalendar *
civic_calendar_records_load (CivicDb      *db,
                             const char   *region,
                             GError      **error)
{
  return civic_calendar_records_load_with (db, region, NULL, error);
}

/**
 * civic_calendar_records_load_with:
 * @notice: (nullable): a notice not yet imported, in place of the stored
 *   one of its year
 *
 * Returns: (transfer full) (nullable): the calendar as it would be with
 * @notice: what a preview compares with the one in force
 */
CivicCalendar *
civic_calendar_records_load_with (CivicDb      *db,
                                  const char   *region,
                                  JsonNode     *notice,
                                  GError      **error)
{
  g_autoptr(CivicCalendar) calendar = civic_calendar_new (region ? region : "CN");
  g_autofree char *replaced = notice != NULL ? notice_id (notice) : NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, data FROM entity WHERE type = '" CIVIC_ENTITY_CALENDAR "' "
                               "AND deleted = 0 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while (civic_db_step (db, stmt, &row, error) && row)
    {
      const char *id = civic_db_column_text (stmt, 0);

      if (g_strcmp0 (id, replaced) == 0)
        continue;
      if (!civic_calendar_load_data (calendar, civic_db_column_text (stmt, 1), -1, id, error))
        {
          civic_db_reset (stmt);
          return NULL;
        }
    }
  civic_db_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;
  if (notice != NULL && !civic_calendar_load_node (calendar, notice, replaced, error))
    return NULL;

  return g_steal_pointer (&calendar);
}

/* Whether @notice reads, alone and together with every other notice
 * stored but the one it replaces: a notice that clashes with another
 * year's is refused before it is stored */
static gboolean
check_with_others (CivicDb      *db,
                   JsonNode     *notice,
                   const char   *id,
                   const char   *origin,
                   GError      **error)
{
  g_autoptr(CivicCalendar) check = civic_calendar_new ("CN");
  CivicDbStmt *stmt;
  gboolean row;

  /* A national notice applies to region CN; an overlay is checked against
   * its own region. */
  if (!civic_calendar_load_node (check, notice, origin, error))
    return FALSE;

  stmt = civic_db_prepare (db, "SELECT id, data FROM entity WHERE type = '" CIVIC_ENTITY_CALENDAR "' "
                               "AND deleted = 0 AND id != ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  while (civic_db_step (db, stmt, &row, error) && row)
    if (!civic_calendar_load_data (check, civic_db_column_text (stmt, 1), -1,
                                   civic_db_column_text (stmt, 0), error))
      {
        civic_db_reset (stmt);
        return FALSE;
      }
  civic_db_reset (stmt);
  return error == NULL || *error == NULL;
}

static gint64
save_notice (CivicDb             *db,
             CivicHolidayNotice  *notice,
             GError             **error)
{
  g_autoptr(JsonNode) node = civic_holiday_notice_to_json (notice);

  /* Every clock that counts a day of the year is read again */
  if (!civic_supervision_recount_from (db, civic_day_from_ymd (civic_holiday_notice_get_year (notice),
                                                               1, 1), error))
    return 0;
  return civic_server_db_put_entity (db, CIVIC_ENTITY_CALENDAR, civic_holiday_notice_get_id (notice),
                                     civic_holiday_notice_get_rev (notice), node, NULL, error);
}

/**
 * civic_calendar_records_import:
 *
 * Checks @notice (alone, and together with every other stored notice) and
 * stores it, replacing a notice of the same region and year: the command
 * line's and the shipped notices' way in, beside the administrators'
 * import-holiday-notice. Call inside a write transaction.
 */
gboolean
civic_calendar_records_import (CivicDb      *db,
                               JsonNode     *notice,
                               const char   *origin,
                               GError      **error)
{
  g_autoptr(CivicHolidayNotice) record = NULL;
  g_autoptr(CivicEntityRow) existing = NULL;
  g_autofree char *id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (notice))
    return check_with_others (db, notice, "", origin, error);
  id = notice_id (notice);
  if (!check_with_others (db, notice, id, origin, error))
    return FALSE;
  existing = civic_server_db_get_entity (db, CIVIC_ENTITY_CALENDAR, id, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;
  record = civic_holiday_notice_new_from_json (notice, error);
  if (record == NULL)
    return FALSE;
  civic_holiday_notice_kind.set_rev (G_OBJECT (record), existing ? existing->rev + 1 : 1);
  return save_notice (db, record, error) != 0;
}

/**
 * civic_calendar_records_import_defaults:
 *
 * Imports the notices shipped with the program. Runs its own transaction.
 */
gboolean
civic_calendar_records_import_defaults (CivicDb      *db,
                                        GError      **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *path = g_getenv (CIVIC_CALENDAR_DIR_ENV);
  const char *name;

  if (path == NULL || *path == '\0')
    path = g_file_test (CALENDARDIR, G_FILE_TEST_IS_DIR) ? CALENDARDIR : SOURCE_CALENDARDIR;

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  if (!civic_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (!g_file_get_contents (file, &contents, NULL, error) ||
          !(node = civic_json_parse (contents, -1, error)) ||
          !civic_calendar_records_import (db, node, g_ptr_array_index (names, i), error))
        {
          civic_db_rollback (db);
          return FALSE;
        }
    }

  return civic_db_commit (db, error);
}

/* What a new notice moves */

static const char *
day_kind_nick (CivicDayKind kind)
{
  switch (kind)
    {
    case CIVIC_DAY_KIND_HOLIDAY: return "holiday";
    case CIVIC_DAY_KIND_MAKEUP_WORKDAY: return "makeup-workday";
    case CIVIC_DAY_KIND_WEEKEND: return "weekend";
    case CIVIC_DAY_KIND_WORKDAY:
    default: return "workday";
    }
}

static void
compare_clock (GPtrArray     *moved,
               const char    *number,
               const char    *clock_name,
               CivicClock    *clock,
               CivicCalendar *before,
               CivicCalendar *after,
               CivicDay       today)
{
  g_autoptr(CivicClockReading) was = NULL;
  g_autoptr(CivicClockReading) will = NULL;
  CivicMovedDue *due;

  if (clock == NULL || civic_clock_is_completed (clock))
    return;
  was = civic_clock_read (clock, before, today, NULL);
  will = civic_clock_read (clock, after, today, NULL);
  if (was->due == will->due)
    return;
  due = g_new0 (CivicMovedDue, 1);
  due->number = g_strdup (number);
  due->clock = clock_name;
  due->from = was->due;
  due->to = will->due;
  g_ptr_array_add (moved, due);
}

static void
add_moved (GPtrArray         *moved,
           const char        *number,
           CivicClockKind     kind,
           CivicClockReading *was,
           CivicClockReading *will)
{
  CivicMovedDue *due;

  if (was == NULL || will == NULL || was->due == will->due ||
      was->status == CIVIC_CLOCK_STATUS_DONE)
    return;
  due = g_new0 (CivicMovedDue, 1);
  due->number = g_strdup (number);
  due->clock = civic_enum_to_nick (CIVIC_TYPE_CLOCK_KIND, kind);
  due->from = was->due;
  due->to = will->due;
  g_ptr_array_add (moved, due);
}

static CivicClockKind
message_clock_kind (CivicMessageStep step)
{
  switch (step)
    {
    case CIVIC_MESSAGE_STEP_SIGN_FOR: return CIVIC_CLOCK_KIND_MESSAGE_SIGN_FOR;
    case CIVIC_MESSAGE_STEP_SEND_BACK: return CIVIC_CLOCK_KIND_MESSAGE_SEND_BACK;
    case CIVIC_MESSAGE_STEP_RECTIFICATION: return CIVIC_CLOCK_KIND_RECTIFICATION;
    case CIVIC_MESSAGE_STEP_EVALUATION: return CIVIC_CLOCK_KIND_EVALUATION;
    case CIVIC_MESSAGE_STEP_REPLY:
    default:
      return CIVIC_CLOCK_KIND_MESSAGE_REPLY;
    }
}

/* The ids @sql lists, in @ids (emptied first) */
static gboolean
open_ids (CivicDb      *db,
          const char   *sql,
          GPtrArray    *ids,
          GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, sql, error);
  gboolean row, ok;

  g_ptr_array_set_size (ids, 0);
  if (stmt == NULL)
    return FALSE;
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  return ok;
}

void
civic_moved_due_free (CivicMovedDue *due)
{
  g_free (due->number);
  g_free (due);
}

/**
 * civic_moved_due_describe:
 *
 * Returns: (transfer full): @due as an administrator reads it:
 * "20260320-SCJG-000001, statutory limit: 2026-10-09 → 2026-10-12"
 */
char *
civic_moved_due_describe (const CivicMovedDue *due)
{
  g_autofree char *from = civic_day_format (due->from);
  g_autofree char *to = civic_day_format (due->to);

  /* Translators: a due date a new holiday notice moves: "20260320-SCJG-000001, Statutory
   * time limit: 2026-10-09 → 2026-10-12" */
  return g_strdup_printf (_("%s, %s: %s → %s"), due->number,
                          civic_clock_name_get_label (due->clock), from, to);
}

/**
 * civic_calendar_records_moved_dues:
 * @before: the calendar in force
 * @after: the calendar with a new notice
 *
 * Reads the clocks of every case, request for information and citizen's
 * message still open under both calendars. A hearing's own periods are
 * checked when it is scheduled; its case's clocks stand still meanwhile.
 *
 * Returns: (transfer full) (element-type CivicMovedDue) (nullable): each
 * due date @after moves: the cases by number, then the requests and the
 * messages by receipt
 */
GPtrArray *
civic_calendar_records_moved_dues (CivicDb        *db,
                                   CivicCalendar  *before,
                                   CivicCalendar  *after,
                                   CivicDay        today,
                                   GError        **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_moved_due_free);

  if (!open_ids (db, "SELECT id FROM case_record WHERE state <> 'closed' ORDER BY number", ids,
                 error))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_CASE,
                                                                  g_ptr_array_index (ids, i),
                                                                  NULL);
      g_autoptr(CivicCase) kase = node != NULL ? civic_case_new_from_json (node, NULL) : NULL;

      if (kase == NULL)
        continue;
      compare_clock (moved, civic_case_get_number (kase), "correction",
                     civic_case_get_correction_clock (kase), before, after, today);
      compare_clock (moved, civic_case_get_number (kase), "statutory",
                     civic_case_get_statutory_clock (kase), before, after, today);
      compare_clock (moved, civic_case_get_number (kase), "promised",
                     civic_case_get_promised_clock (kase), before, after, today);
      compare_clock (moved, civic_case_get_number (kase), "delivery",
                     civic_case_get_delivery_clock (kase), before, after, today);
    }

  /* Requests for information and citizens' messages keep no clock: each
   * is made again from what happened, under each calendar */
  if (!open_ids (db, "SELECT id FROM disclosure_request_record ORDER BY receipt", ids, error))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DISCLOSURE_REQUEST,
                                                                  g_ptr_array_index (ids, i),
                                                                  NULL);
      g_autoptr(CivicDisclosureRequest) request = node != NULL
        ? civic_disclosure_request_new_from_json (node, NULL) : NULL;
      g_autoptr(CivicDisclosureRequestClock) was = NULL, will = NULL;
      g_autoptr(CivicDisclosureRequestReading) was_read = NULL, will_read = NULL;

      if (request == NULL || !civic_disclosure_request_is_open (request))
        continue;
      was = civic_disclosure_request_dup_clock (request, before, NULL);
      will = civic_disclosure_request_dup_clock (request, after, NULL);
      if (was == NULL || will == NULL)
        continue;
      was_read = civic_disclosure_request_clock_read (was, today, NULL);
      will_read = civic_disclosure_request_clock_read (will, today, NULL);
      add_moved (moved, civic_disclosure_request_get_receipt (request),
                 CIVIC_CLOCK_KIND_DISCLOSURE_REPLY, was_read->reply, will_read->reply);
    }

  if (!open_ids (db, "SELECT id FROM message_record ORDER BY receipt", ids, error))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_MESSAGE,
                                                                  g_ptr_array_index (ids, i),
                                                                  NULL);
      g_autoptr(CivicMessage) message = node != NULL ? civic_message_new_from_json (node, NULL)
                                                     : NULL;
      CivicMessageClockReading was = { 0 }, will = { 0 };

      if (message == NULL || !civic_message_is_open (message))
        continue;
      if (civic_message_read_clock (message, before, today, &was) &&
          civic_message_read_clock (message, after, today, &will) && was.step == will.step)
        add_moved (moved, civic_message_get_receipt (message), message_clock_kind (was.step),
                   was.reading, will.reading);
      civic_message_clock_reading_clear (&was);
      civic_message_clock_reading_clear (&will);
    }
  return g_steal_pointer (&moved);
}

/**
 * civic_calendar_records_read_notice:
 * @request: `{"notice": {…}}`, the notice as the calendar's JSON, or
 *   `{"text", "year"?, "number"?, "issued"?}`, its text as published
 *
 * Returns: (transfer full) (nullable): the notice as the calendar's JSON
 */
JsonNode *
civic_calendar_records_read_notice (JsonObject  *request,
                                    GError     **error)
{
  JsonObject *notice = NULL;
  const char *text = NULL, *number = NULL, *issued = NULL;
  gint64 year = 0;

  if (!civic_json_get_object (request, "notice", FALSE, &notice, error) ||
      !civic_json_get_string (request, "text", notice == NULL, &text, error) ||
      !civic_json_get_int (request, "year", FALSE, 1949, 2200, &year, error) ||
      !civic_json_get_string (request, "number", FALSE, &number, error) ||
      !civic_json_get_string (request, "issued", FALSE, &issued, error))
    return NULL;
  if (notice != NULL)
    return json_node_init_object (json_node_alloc (), notice);
  return civic_calendar_notice_parse (text, (int) year, number, issued, error);
}

/**
 * civic_calendar_records_preview:
 * @in_force: the calendar the service counts with
 * @notice: a notice not yet imported
 *
 * What importing @notice would change, for an administrator to read
 * first: `{year, title, number, changes: [{day, weekday, before, after}],
 * moved: [{number, clock, from, to}]}`, the days in order and the due
 * dates of open cases it moves.
 *
 * Returns: (transfer full) (nullable): the answer's JSON text
 */
char *
civic_calendar_records_preview (CivicDb        *db,
                                CivicCalendar  *in_force,
                                JsonNode       *notice,
                                CivicDay        today,
                                GError        **error)
{
  g_autoptr(CivicCalendar) after = civic_calendar_records_load_with (db, "CN-43", notice, error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  JsonObject *object = json_node_get_object (notice);
  int year = (int) json_object_get_int_member_with_default (object, "year", 0);

  if (after == NULL)
    return NULL;
  changes = civic_calendar_diff (in_force, after, year);
  moved = civic_calendar_records_moved_dues (db, in_force, after, today, error);
  if (moved == NULL)
    return NULL;

  json_builder_begin_object (builder);
  civic_json_set_int (builder, "year", year);
  civic_json_set_string (builder, "title", civic_calendar_get_notice_title (after, year));
  civic_json_set_string (builder, "number", civic_calendar_get_notice_number (after, year));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      CivicCalendarChange *change = &g_array_index (changes, CivicCalendarChange, i);

      json_builder_begin_object (builder);
      civic_json_set_day (builder, "day", change->day);
      civic_json_set_string (builder, "weekday", civic_day_weekday_name (change->day));
      civic_json_set_string (builder, "before", day_kind_nick (change->before));
      civic_json_set_string (builder, "after", day_kind_nick (change->after));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "moved");
  json_builder_begin_array (builder);
  for (guint i = 0; i < moved->len; i++)
    {
      const CivicMovedDue *due = g_ptr_array_index (moved, i);

      json_builder_begin_object (builder);
      civic_json_set_string (builder, "number", due->number);
      civic_json_set_string (builder, "clock", due->clock);
      civic_json_set_day (builder, "from", due->from);
      civic_json_set_day (builder, "to", due->to);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return civic_json_to_string (root, FALSE);
}

/* The notices as a kind of record: the administrators' import-holiday-notice */

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_CALENDAR, id, error);
  g_autoptr(JsonNode) node = NULL;
  CivicHolidayNotice *notice;

  if (row == NULL || row->deleted)
    return NULL;
  node = civic_json_parse (row->data, -1, error);
  if (node == NULL)
    return NULL;
  notice = civic_holiday_notice_new_from_json (node, error);
  /* The row's revision: notices stored before they were commands carry
   * none in their JSON */
  if (notice != NULL)
    civic_holiday_notice_kind.set_rev (G_OBJECT (notice), row->rev);
  return notice != NULL ? G_OBJECT (notice) : NULL;
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return save_notice (db, CIVIC_HOLIDAY_NOTICE (record), error);
}

/* The notice reads together with the other years' before it is stored:
 * a refusal names what clashes */
static gboolean
store_finish (CivicDb        *db,
              GObject        *record,
              guint           action,
              const char     *command_id,
              CivicCalendar  *calendar,
              GDateTime      *now,
              const char     *public_url,
              GError        **error)
{
  CivicHolidayNotice *notice = CIVIC_HOLIDAY_NOTICE (record);
  g_autoptr(JsonNode) node = civic_holiday_notice_to_json (notice);
  g_autoptr(GError) local = NULL;

  if (check_with_others (db, node, civic_holiday_notice_get_id (notice),
                         civic_holiday_notice_get_id (notice), &local))
    return TRUE;
  if (local->domain == CIVIC_SQLITE_ERROR)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE, local->message);
  return FALSE;
}

static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN))
    return TRUE;
  g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                       _("Holiday notices are imported by the hall’s administrators"));
  return FALSE;
}

const CivicRecordStore civic_calendar_store = {
  .kind = &civic_holiday_notice_kind,
  .not_found = N_("There is no such notice"),
  /* Translators: the notice's revision now, then the one the official saw */
  .stale = N_("The notice changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};


