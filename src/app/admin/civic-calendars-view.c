/* civic-calendars-view.c — the Calendars section: the holiday notices every clock counts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-calendars-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-calendar.h"
#include "civic-calendars-view.h"
#include "civic-holiday-notice.h"
#include "civic-json.h"
#include "civic-time.h"

/* Where the hall's administrators keep the State Council's holiday
 * notices (节假日安排), a year each: its holidays and the weekend days
 * worked instead. Import Notice takes the next year's text as published,
 * checked day by day against its weekdays; a corrected notice replaces
 * a year's. The service counts every clock with it from its next
 * request, and each official's client once it syncs. */

struct _CivicCalendarsView
{
  CivicAdminView parent_instance;
};

G_DEFINE_FINAL_TYPE (CivicCalendarsView, civic_calendars_view, CIVIC_TYPE_ADMIN_VIEW)

/**
 * civic_calendars_view_shown_to:
 *
 * Whether the section is for @actor: the hall's administrators
 */
gboolean
civic_calendars_view_shown_to (const CivicActor *actor)
{
  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLE_ADMIN);
}

static gboolean
matches (GObject    *record,
         const char *words)
{
  CivicHolidayNotice *notice = CIVIC_HOLIDAY_NOTICE (record);
  g_autofree char *year = g_strdup_printf ("%d", civic_holiday_notice_get_year (notice));

  return civic_admin_view_contains (year, words) ||
         civic_admin_view_contains (civic_holiday_notice_get_title (notice), words) ||
         civic_admin_view_contains (civic_holiday_notice_get_number (notice), words);
}

/* The newest year first */
static int
compare (GObject *a,
         GObject *b)
{
  return civic_holiday_notice_get_year (CIVIC_HOLIDAY_NOTICE (b)) -
         civic_holiday_notice_get_year (CIVIC_HOLIDAY_NOTICE (a));
}

static void
decorate (CivicAdminView *view,
          GObject        *record,
          AdwActionRow   *row)
{
  g_autofree char *describe = civic_holiday_notice_kind.describe (record);

  adw_action_row_set_subtitle (row, describe);
}

static int
newest_year (CivicAdminView *view)
{
  CivicSyncEngine *engine = civic_section_get_engine (CIVIC_SECTION (view));
  g_autoptr(GPtrArray) notices = NULL;
  int newest = civic_day_get_year (civic_time_today ());

  if (engine != NULL)
    notices = civic_cache_load_records (civic_sync_engine_get_cache (engine),
                                        &civic_holiday_notice_kind, NULL);
  for (guint i = 0; notices != NULL && i < notices->len; i++)
    newest = MAX (newest, civic_holiday_notice_get_year (g_ptr_array_index (notices, i)));
  return newest;
}

/* The year after the newest notice: the one the State Council publishes
 * each November */
static char *
new_id (CivicAdminView *view)
{
  return civic_holiday_notice_id_for_year (newest_year (view) + 1);
}

static GObject *
new_record (CivicAdminView *view,
            const char     *id)
{
  return G_OBJECT (civic_holiday_notice_new (id));
}

static char *
heading (GObject *record)
{
  /* Translators: a year's holiday notice, as its page's heading: "The holidays of 2027" */
  return g_strdup_printf (_("The holidays of %d"),
                          civic_holiday_notice_get_year (CIVIC_HOLIDAY_NOTICE (record)));
}

/* "春节: 2026-02-15 – 2026-02-23" and the days worked instead */
static void
add_holiday (GtkWidget  *group,
             JsonObject *holiday)
{
  g_auto(GStrv) festivals = NULL;
  g_auto(GStrv) workdays = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *period = NULL;
  g_autofree char *worked = NULL;
  const char *start = civic_json_lookup_string (holiday, "start", "");
  const char *end = civic_json_lookup_string (holiday, "end", "");
  GtkWidget *row;

  civic_json_get_strv (holiday, "festivals", FALSE, &festivals, NULL);
  civic_json_get_strv (holiday, "workdays", FALSE, &workdays, NULL);
  for (guint i = 0; festivals != NULL && festivals[i] != NULL; i++)
    {
      if (names->len > 0)
        /* Translators: between the festivals of one holiday */
        g_string_append (names, _(", "));
      g_string_append (names, civic_festival_is_known (festivals[i])
                              ? civic_festival_get_name (festivals[i]) : festivals[i]);
    }
  period = g_str_equal (start, end) ? g_strdup (start)
           /* Translators: a holiday's first and last day */
           : g_strdup_printf (_("%s – %s"), start, end);
  if (workdays != NULL && workdays[0] != NULL)
    {
      g_autofree char *days = g_strjoinv (_(", "), workdays);

      /* Translators: a holiday's days off, then the weekend days worked instead */
      worked = g_strdup_printf (_("%s; worked instead: %s"), period, days);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names->str);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), worked != NULL ? worked : period);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
fill_page (CivicAdminView *view,
           GObject        *record,
           GtkBox         *page)
{
  CivicHolidayNotice *notice = CIVIC_HOLIDAY_NOTICE (record);
  JsonObject *data = civic_holiday_notice_get_notice (notice);
  JsonObject *about = data != NULL ? civic_json_lookup_object (data, "notice") : NULL;
  JsonArray *holidays = NULL;
  GtkWidget *group = civic_admin_view_add_group (page, C_("holiday notice", "Notice"));

  civic_admin_view_add_fact (group, _("Title"), civic_holiday_notice_get_title (notice));
  civic_admin_view_add_fact (group, _("Document Number"), civic_holiday_notice_get_number (notice));
  civic_admin_view_add_fact (group, _("Issued On"),
                             about != NULL ? civic_json_lookup_string (about, "issued", NULL) : NULL);

  group = civic_admin_view_add_group (page, _("Holidays"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Every clock of the hall skips these days and counts "
                                           "the weekend days worked instead"));
  if (data != NULL)
    civic_json_get_array (data, "holidays", FALSE, &holidays, NULL);
  for (guint i = 0; holidays != NULL && i < json_array_get_length (holidays); i++)
    {
      JsonObject *holiday = civic_json_array_lookup_object (holidays, i);

      if (holiday != NULL)
        add_holiday (group, holiday);
    }
}

static void
civic_calendars_view_class_init (CivicCalendarsViewClass *klass)
{
  CivicAdminViewClass *admin_class = CIVIC_ADMIN_VIEW_CLASS (klass);
  CivicAdminViewWords words = {
    .title = C_("section", "Calendars"),
    .add_label = _("_Import Notice…"),
    .add_tooltip = _("Import the next year’s holiday notice as published (Ctrl+N)"),
    .search_hint = _("Year, title or number"),
    .search_name = _("Find a notice"),
    .list_name = _("Holiday notices"),
    .empty = _("No notices here"),
    .page_title = _("Holiday Notice"),
    .back_label = _("Back to the Calendars"),
    .missing_title = _("No Such Notice"),
    .missing_icon = "x-office-calendar-symbolic",
  };

  admin_class->kind = &civic_holiday_notice_kind;
  admin_class->add_action = CIVIC_HOLIDAY_NOTICE_ACTION_IMPORT;
  admin_class->new_id = new_id;
  admin_class->words = words;
  admin_class->matches = matches;
  admin_class->compare = compare;
  admin_class->decorate = decorate;
  admin_class->new_record = new_record;
  admin_class->heading = heading;
  admin_class->fill_page = fill_page;
}

static void
civic_calendars_view_init (CivicCalendarsView *self)
{
}
