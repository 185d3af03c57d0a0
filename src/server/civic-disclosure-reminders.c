/* civic-disclosure-reminders.c — what the service reminds an organ of its disclosure duties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-scheduler"

#include "config.h"

#include "civic-audit.h"
#include "civic-day.h"
#include "civic-disclosure-reminders.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* OGI Art. 49: each department publishes its annual report on last year's
 * disclosure work by 31 January, and a people's government (an organ of
 * kind "government") its own by 31 March. From 1 January until the organ
 * has its report for last year — generated, whether still a draft or
 * published — or until its last day has passed, the organ's own record
 * (the department in the feed, which carries its disclosure policy and
 * is what its clients read it from) holds an `annual_report_reminder`:
 * the year, the last day and since when. The service puts it there and
 * takes it away by the passing of time alone, like the case's daily jobs,
 * and each is on the record as the service's own (`remind-annual-report`,
 * `end-annual-report-reminder`), like a held or a late job. The duty is
 * the law's and public, so an organ's reminder tells nobody anything
 * private. Only organs that do their disclosure here — those with a
 * disclosure policy — are reminded. */

#define REMINDER_MEMBER "annual_report_reminder"

/* The organ has its report for @year: one generated, not withdrawn */
static gboolean
has_report (CivicDb      *db,
            const char   *department_id,
            int           year,
            gboolean     *found,
            GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "SELECT 1 FROM disclosure_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_DISCLOSURE "' "
                               "  AND e.id = r.id "
                               "WHERE r.department_id = ?1 AND r.state != 'withdrawn' "
                               "  AND json_extract (e.data, '$.category') = 'annual-report' "
                               "  AND json_extract (e.data, '$.report_year') = ?2 LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_int (stmt, 2, year);
  if (!civic_db_step (db, stmt, found, error))
    return FALSE;
  civic_db_reset (stmt);
  return TRUE;
}

typedef struct
{
  char   *id;
  gint64  rev;
  char   *data;
} Organ;

static void
organ_free (Organ *organ)
{
  g_free (organ->id);
  g_free (organ->data);
  g_free (organ);
}

static GPtrArray *
organs_with_policy (CivicDb      *db,
                    GError      **error)
{
  g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func ((GDestroyNotify) organ_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, rev, data FROM entity "
                               "WHERE type = '" CIVIC_ENTITY_DEPARTMENT "' AND deleted = 0 "
                               "  AND json_extract (data, '$.disclosure') IS NOT NULL "
                               "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      Organ *organ;

      if (!civic_db_step (db, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      organ = g_new0 (Organ, 1);
      organ->id = g_strdup (civic_db_column_text (stmt, 0));
      organ->rev = civic_db_column_int64 (stmt, 1);
      organ->data = g_strdup (civic_db_column_text (stmt, 2));
      g_ptr_array_add (organs, organ);
    }
  civic_db_reset (stmt);
  return g_steal_pointer (&organs);
}

/* Puts the reminder for @year on the organ's record, or takes it away
 * (@year 0), with its audit entry, in one transaction */
/* The last day of @organ's report on @year: 31 January for a department,
 * 31 March for a people's government (Art. 49) */
static CivicDay
due_on_for (JsonObject *organ,
            int         year)
{
  gboolean government = g_strcmp0 (civic_json_lookup_string (organ, "kind", NULL),
                                   "government") == 0;

  return civic_day_from_ymd (year + 1, government ? 3 : 1, 31);
}

static gboolean
change_reminder (CivicDb      *db,
                 GDateTime    *now,
                 Organ        *organ,
                 JsonNode     *department,
                 int           year,
                 int           had_year,
                 const char   *why,
                 GError      **error)
{
  JsonObject *object = json_node_get_object (department);
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *action;

  if (year != 0)
    {
      g_autofree char *due_on = civic_day_format (due_on_for (object, year));
      g_autofree char *since = civic_day_format (civic_time_day_of (now));
      JsonObject *reminder = json_object_new ();

      json_object_set_int_member (reminder, "year", year);
      json_object_set_string_member (reminder, "due_on", due_on);
      json_object_set_string_member (reminder, "since", since);
      json_object_set_string_member (reminder, "article", "OGI Art. 49");
      json_object_set_object_member (object, REMINDER_MEMBER, reminder);
      action = "remind-annual-report";
      g_string_append_printf (detail, "{\"year\":%d,\"due_on\":", year);
      civic_json_append_string (detail, due_on);
      g_string_append_c (detail, '}');
    }
  else
    {
      json_object_remove_member (object, REMINDER_MEMBER);
      action = "end-annual-report-reminder";
      g_string_append_printf (detail, "{\"year\":%d,\"reason\":", had_year);
      civic_json_append_string (detail, why);
      g_string_append_c (detail, '}');
    }

  if (!civic_db_begin (db, error))
    return FALSE;
  if (civic_server_db_put_entity (db, CIVIC_ENTITY_DEPARTMENT, organ->id, organ->rev + 1,
                                  department, NULL, error) == 0 ||
      !civic_audit_append (db, now, "system", action, organ->id, detail->str, NULL, error) ||
      !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_disclosure_reminders_daily:
 *
 * The annual report's reminder (OGI Art. 49), put on each organ's record
 * from 1 January while it has no report for last year, and taken away
 * once it has one or its last day (31 January; 31 March for a people's
 * government) has passed. Looks at every organ each time: there are few,
 * and a reminder must go the moment it is answered.
 */
gboolean
civic_disclosure_reminders_daily (CivicDb               *db,
                                  CivicCalendar         *calendar,
                                  GDateTime             *now,
                                  guint                  batch_size,
                                  CivicSchedulerReport  *report,
                                  gboolean              *more,
                                  GError               **error)
{
  g_autoptr(GPtrArray) organs = organs_with_policy (db, error);
  CivicDay today = civic_time_day_of (now);
  int year, month, day;

  *more = FALSE;
  if (organs == NULL)
    return FALSE;
  civic_day_to_ymd (today, &year, &month, &day);

  for (guint i = 0; i < organs->len; i++)
    {
      Organ *organ = g_ptr_array_index (organs, i);
      g_autoptr(JsonNode) department = civic_json_parse (organ->data, -1, error);
      JsonObject *current;
      gboolean in_period;
      gboolean found = FALSE;
      int had_year = 0;
      int wanted = 0;
      const char *why = NULL;

      if (department == NULL || !JSON_NODE_HOLDS_OBJECT (department))
        return FALSE;
      current = civic_json_lookup_object (json_node_get_object (department), REMINDER_MEMBER);
      if (current != NULL)
        had_year = (int) json_object_get_int_member_with_default (current, "year", 0);
      report->checked++;
      in_period = today <= due_on_for (json_node_get_object (department), year - 1);

      if (in_period && !has_report (db, organ->id, year - 1, &found, error))
        return FALSE;
      if (in_period && !found)
        wanted = year - 1;
      else if (in_period)
        why = "report-generated";
      else
        why = "deadline-passed";

      if (wanted == had_year)
        continue;
      if (had_year != 0 && wanted != 0)
        why = "new-year";
      /* A year's reminder ends before the next one is put */
      if (had_year != 0 &&
          !change_reminder (db, now, organ, department, 0, had_year, why, error))
        return FALSE;
      if (had_year != 0)
        organ->rev++;
      if (wanted != 0 &&
          !change_reminder (db, now, organ, department, wanted, 0, NULL, error))
        return FALSE;
      report->republished++;
    }
  return TRUE;
}
