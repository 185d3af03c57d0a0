/* civic-calendars-view.c — the Calendars section: the holiday notices every clock counts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-calendars-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-calendar-notice.h"
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

/* Before a notice is imported: the days it changes, read here against the
 * calendar in force, and the due dates of open cases it moves, which the
 * service answers (online only) */

typedef struct
{
  CivicCalendarsView *self;
  char               *id;
  guint               action;
  JsonObject         *args;
  GtkLabel           *moved;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  g_clear_object (&confirm->self);
  g_free (confirm->id);
  json_object_unref (confirm->args);
  g_clear_object (&confirm->moved);
  g_free (confirm);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Confirm, confirm_free)

static void
confirm_notify (gpointer  data,
                GClosure *closure)
{
  confirm_free (data);
}

static const char *
day_kind_words (const char *kind)
{
  if (g_strcmp0 (kind, "holiday") == 0)
    return _("a holiday");
  if (g_strcmp0 (kind, "makeup-workday") == 0)
    return _("a make-up working day");
  if (g_strcmp0 (kind, "weekend") == 0)
    return _("a weekend day");
  return _("a working day");
}

static const char *
kind_nick (CivicDayKind kind)
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
preview_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Confirm) confirm = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) preview = civic_api_client_calendar_preview_finish (
    CIVIC_API_CLIENT (source), result, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *moved = NULL;
  guint n;

  if (preview == NULL)
    {
      g_autofree char *said = g_strdup_printf (_("The due dates it moves are known once the "
                                                 "service answers: %s"), error->message);

      gtk_label_set_text (confirm->moved, said);
      return;
    }
  civic_json_get_array (preview, "moved", FALSE, &moved, NULL);
  n = moved != NULL ? json_array_get_length (moved) : 0;
  if (n == 0)
    g_string_append (text, _("No due date of an open case, request or message moves."));
  else
    g_string_append_printf (text, ngettext ("%u due date of an open case, request or message "
                                            "moves:",
                                            "%u due dates of open cases, requests and messages "
                                            "move:", n), n);
  for (guint i = 0; i < n && i < 50; i++)
    {
      JsonObject *due = civic_json_array_lookup_object (moved, i);
      const char *what = civic_clock_name_get_label (due != NULL
                                                     ? civic_json_lookup_string (due, "clock", NULL)
                                                     : NULL);

      if (due == NULL)
        continue;
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s, %s: %s → %s"),
                              civic_json_lookup_string (due, "number", ""), what,
                              civic_json_lookup_string (due, "from", ""),
                              civic_json_lookup_string (due, "to", ""));
    }
  if (n > 50)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("and %u more", "and %u more", n - 50), n - 50);
    }
  gtk_label_set_text (confirm->moved, text->str);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirm          *confirm)
{
  if (g_str_equal (response, "import"))
    civic_admin_view_perform (CIVIC_ADMIN_VIEW (confirm->self), confirm->id, confirm->action,
                              confirm->args);
}

/* The calendar with @notice in place of its year's */
static CivicCalendar *
calendar_with (CivicCache  *cache,
               const char  *id,
               JsonNode    *notice)
{
  g_autoptr(CivicCalendar) calendar = civic_calendar_new ("CN-43");
  g_autoptr(GPtrArray) notices = civic_cache_load_entities (cache, CIVIC_ENTITY_CALENDAR, NULL);

  for (guint i = 0; notices != NULL && i < notices->len; i++)
    {
      JsonNode *node = g_ptr_array_index (notices, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (civic_json_lookup_string (json_node_get_object (node), "id", NULL), id) == 0)
        continue;
      if (!civic_calendar_load_node (calendar, node, "calendar", NULL))
        return NULL;
    }
  if (!civic_calendar_load_node (calendar, notice, id, NULL))
    return NULL;
  return g_steal_pointer (&calendar);
}

static void
confirm_import (CivicAdminView *view,
                const char     *id,
                guint           action,
                JsonObject     *args)
{
  CivicSyncEngine *engine = civic_section_get_engine (CIVIC_SECTION (view));
  CivicCache *cache = civic_sync_engine_get_cache (engine);
  g_autoptr(CivicHolidayNotice) blank = civic_holiday_notice_new (id);
  int year = civic_holiday_notice_get_year (blank);
  const char *text = civic_json_lookup_string (args, "text", "");
  g_autoptr(JsonNode) notice = civic_calendar_notice_parse (text, year, NULL, NULL, NULL);
  g_autoptr(CivicCalendar) before = civic_cache_load_calendar (cache, NULL);
  g_autoptr(CivicCalendar) after = notice != NULL ? calendar_with (cache, id, notice) : NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *heading = NULL;
  Confirm *confirm;
  GtkWidget *dialog, *box, *moved;

  /* What the form took and the calendars cannot read is the service's
   * to refuse, with its reason */
  if (before == NULL || after == NULL)
    {
      civic_admin_view_perform (view, id, action, args);
      return;
    }
  changes = civic_calendar_diff (before, after, year);
  g_string_append_printf (days, ngettext ("%u day of %d changes:", "%u days of %d change:",
                                          changes->len), changes->len, year);
  for (guint i = 0; i < changes->len && i < 100; i++)
    {
      CivicCalendarChange *change = &g_array_index (changes, CivicCalendarChange, i);
      g_autofree char *day = civic_day_format (change->day);

      g_string_append_c (days, '\n');
      /* Translators: "2026-09-20 (Sunday): a make-up working day → a weekend day" */
      g_string_append_printf (days, _("%s (%s): %s → %s"), day,
                              civic_day_weekday_name (change->day),
                              day_kind_words (kind_nick (change->before)),
                              day_kind_words (kind_nick (change->after)));
    }

  /* Translators: a year's holiday notice about to be imported */
  heading = g_strdup_printf (_("Import the Holidays of %d?"), year);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))),
                                   heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Every clock of the hall counts with it from the service’s next "
                                 "request, and each official’s once their client syncs."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  {
    GtkWidget *label = gtk_label_new (days->str);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (box), label);
  }
  moved = gtk_label_new (_("Asking the service which due dates it moves…"));
  gtk_label_set_xalign (GTK_LABEL (moved), 0);
  gtk_label_set_wrap (GTK_LABEL (moved), TRUE);
  gtk_label_set_selectable (GTK_LABEL (moved), TRUE);
  gtk_box_append (GTK_BOX (box), moved);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  confirm = g_new0 (Confirm, 1);
  confirm->self = g_object_ref (CIVIC_CALENDARS_VIEW (view));
  confirm->id = g_strdup (id);
  confirm->action = action;
  confirm->args = json_object_ref (args);
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), confirm,
                         confirm_notify, 0);

  /* The due dates, from the service: the label outlives the dialog */
  {
    Confirm *asking = g_new0 (Confirm, 1);

    asking->id = g_strdup (id);
    asking->args = json_object_ref (args);
    asking->moved = g_object_ref (GTK_LABEL (moved));
    civic_api_client_calendar_preview_async (civic_sync_engine_get_client (engine), text, NULL,
                                             preview_cb, asking);
  }
  gtk_window_present (GTK_WINDOW (dialog));
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
  admin_class->shown_to = civic_calendars_view_shown_to;
  admin_class->confirm = confirm_import;
}

static void
civic_calendars_view_init (CivicCalendarsView *self)
{
}
