/* civic-disclosures-view.c — the Disclosures section: publications and requests for information
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosures-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-conflicts-view.h"
#include "civic-diff-view.h"
#include "civic-core-enums.h"
#include "civic-due-chip.h"
#include "civic-disclosures-view.h"
#include "civic-json.h"
#include "civic-sync-indicator.h"
#include "civic-time.h"

/* The organ's proactive disclosure (主动公开, OGI Arts. 19–26) as its
 * staff see it: the drafts being written, those waiting for this
 * official's review, those approved or set for a day, those published,
 * and those withdrawn or expired. An unpublished one shows how long Art.
 * 26 leaves to publish it. A draft is written offline as well as online:
 * it is born in the outbox (create-disclosure on a client-made id) and
 * listed here before the service has it. Supervisors see every list and
 * change nothing.
 *
 * The section's other half is the requests for information the organ
 * answers (依申请公开, OGI Arts. 27–45): those still to answer, by the day
 * their reply is due (Art. 33), those replied to, and those closed. A
 * request is read by its receipt, what it asks for and who asks in the
 * annual report's terms (Art. 50) — never the applicant's name, which the
 * feed masks. */

struct _CivicDisclosuresView
{
  CivicSection           parent_instance;

  /* Template widgets */
  GtkStack              *pages;
  GtkToggleButton       *disclosures_mode_button;
  GtkToggleButton       *requests_mode_button;
  GtkStack              *filter_stack;
  GtkButton             *new_button;
  GtkButton             *register_button;
  GtkWidget             *more_new_button;
  GtkToggleButton       *to_do_button;
  GtkToggleButton       *replied_button;
  GtkToggleButton       *closed_button;
  GtkToggleButton       *drafts_button;
  GtkToggleButton       *review_button;
  GtkToggleButton       *scheduled_button;
  GtkToggleButton       *published_button;
  GtkToggleButton       *ended_button;
  GtkSearchEntry        *search_entry;
  GtkListBox            *list;
  GtkWidget             *placeholder;   /* said by the list when it is empty */
  AdwWindowTitle        *disclosure_title;
  GtkBox                *editor_box;
  CivicDisclosureEditor *editor;          /* made on first use */
  AdwWindowTitle        *request_title;
  CivicRequestPage      *request_page;
  CivicSyncIndicator    *sync_indicator;
  GtkRevealer           *report_revealer;
  GtkLabel              *report_label;
  GtkWidget             *report_button;

  CivicSyncEngine       *engine;        /* the section's */
  GPtrArray             *disclosures;   /* CivicDisclosure */
  GPtrArray             *requests;      /* CivicDisclosureRequest */
  GHashTable            *pending;       /* ids with commands waiting to be sent */
  CivicDisclosureList    shown;
  CivicRequestList       shown_requests;
  gboolean               showing_requests;
  guint                  n_to_do;
  int                    report_year;   /* the annual report the service reminds of, or 0 */
};

G_DEFINE_FINAL_TYPE (CivicDisclosuresView, civic_disclosures_view, CIVIC_TYPE_SECTION)

/**
 * civic_disclosures_view_shown_to:
 *
 * Whether the section is for @actor: the organ's disclosure staff, and
 * supervisors, who read it
 */
gboolean
civic_disclosures_view_shown_to (const CivicActor *actor)
{
  return actor != NULL &&
         civic_actor_has_role (actor, CIVIC_ROLES_DISCLOSURE | CIVIC_ROLE_SUPERVISOR);
}

static gboolean
may_take (CivicDisclosuresView  *self,
          CivicDisclosure       *disclosure,
          CivicDisclosureAction  wanted)
{
  g_autoptr(GArray) actions = civic_sync_engine_list_record_actions (self->engine,
                                                                     &civic_disclosure_kind,
                                                                     G_OBJECT (disclosure));

  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, guint, i) == wanted)
      return TRUE;
  return FALSE;
}

static gboolean
is_reviewer (CivicDisclosuresView *self)
{
  const CivicActor *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));

  return civic_actor_has_role (me, CIVIC_ROLE_DISCLOSURE_REVIEWER | CIVIC_ROLE_DISCLOSURE_HEAD);
}

/* Which list a disclosure is in. One in review is in To Review for whom
 * reviews it at its level; an official who reviews at another level does
 * not see it there, one who reviews nothing (an editor, a supervisor)
 * sees every one in review, to follow it. */
static gboolean
in_list (CivicDisclosuresView *self,
         CivicDisclosure      *disclosure,
         CivicDisclosureList   list)
{
  switch (civic_disclosure_get_state (disclosure))
    {
    case CIVIC_DISCLOSURE_STATE_DRAFT:
      return list == CIVIC_DISCLOSURE_LIST_DRAFTS;
    case CIVIC_DISCLOSURE_STATE_IN_REVIEW:
      return list == CIVIC_DISCLOSURE_LIST_TO_REVIEW &&
             (!is_reviewer (self) || may_take (self, disclosure, CIVIC_DISCLOSURE_ACTION_REVIEW));
    case CIVIC_DISCLOSURE_STATE_APPROVED:
    case CIVIC_DISCLOSURE_STATE_SCHEDULED:
      return list == CIVIC_DISCLOSURE_LIST_SCHEDULED;
    case CIVIC_DISCLOSURE_STATE_PUBLISHED:
      return list == CIVIC_DISCLOSURE_LIST_PUBLISHED;
    case CIVIC_DISCLOSURE_STATE_WITHDRAWN:
    case CIVIC_DISCLOSURE_STATE_EXPIRED:
    default:
      return list == CIVIC_DISCLOSURE_LIST_ENDED;
    }
}

static gboolean
matches_search (CivicDisclosuresView *self,
                CivicDisclosure      *disclosure)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  title = g_utf8_casefold (civic_disclosure_get_title (disclosure) ?: "", -1);
  return strstr (title, needle) != NULL;
}

static gboolean
is_unpublished (CivicDisclosure *disclosure)
{
  return civic_disclosure_get_state (disclosure) <= CIVIC_DISCLOSURE_STATE_SCHEDULED;
}

/* The Art. 26 day first, the most pressing on top; then by title */
static int
compare_disclosures (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  CivicDisclosuresView *self = user_data;
  CivicCalendar *calendar = civic_sync_engine_get_calendar (self->engine);
  CivicDisclosure *x = *(CivicDisclosure **) a, *y = *(CivicDisclosure **) b;
  CivicDay dx = is_unpublished (x) ? civic_disclosure_get_due_on (x, calendar) : CIVIC_DAY_INVALID;
  CivicDay dy = is_unpublished (y) ? civic_disclosure_get_due_on (y, calendar) : CIVIC_DAY_INVALID;

  if (dx == CIVIC_DAY_INVALID)
    dx = G_MAXUINT;
  if (dy == CIVIC_DAY_INVALID)
    dy = G_MAXUINT;
  if (dx != dy)
    return dx < dy ? -1 : 1;
  return g_strcmp0 (civic_disclosure_get_title (x), civic_disclosure_get_title (y));
}

/* A disclosure: its title; its index number once it has one, else where
 * it stands; the day Art. 26 sets while it is unpublished; a mark while
 * the official's changes wait to be sent */
static GtkWidget *
row_new (CivicDisclosuresView *self,
         CivicDisclosure      *disclosure)
{
  CivicCalendar *calendar = civic_sync_engine_get_calendar (self->engine);
  const char *title = civic_disclosure_get_title (disclosure);
  const char *index_number = civic_disclosure_get_index_number (disclosure);
  const char *state = civic_disclosure_state_get_label (civic_disclosure_get_state (disclosure));
  gboolean pending = g_hash_table_contains (self->pending, civic_disclosure_get_id (disclosure));
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *due_text = "";

  if (title == NULL || *title == '\0')
    title = _("Untitled");
  subtitle = index_number != NULL ? g_strdup_printf ("%s · %s", index_number, state)
                                  : g_strdup (state);
  gtk_widget_set_name (row, civic_disclosure_get_id (disclosure));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (pending)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("document-send-symbolic");

      gtk_widget_add_css_class (icon, "pending-mark");
      gtk_widget_set_tooltip_text (icon, _("Waiting to be sent"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  if (is_unpublished (disclosure))
    {
      CivicDay due = civic_disclosure_get_due_on (disclosure, calendar);

      if (due != CIVIC_DAY_INVALID)
        {
          CivicDay today = civic_time_today ();
          int left = due >= today ? civic_calendar_working_days_between (calendar, today, due) : -1;
          GtkWidget *chip = civic_due_chip_new ();

          civic_due_chip_set_status (CIVIC_DUE_CHIP (chip),
                                     left < 0 ? "red" : left <= 3 ? "yellow" : "green", due,
                                     calendar, today);
          gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
          due_text = civic_due_chip_get_text (CIVIC_DUE_CHIP (chip));
        }
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* Translators: a disclosure as a screen reader says it: its title, its
   * number or state, the time left, and whether it waits to be sent */
  name = g_strdup_printf (_("%s, %s%s%s%s"), title, subtitle, *due_text ? ", " : "", due_text,
                          pending ? _(", waiting to be sent") : "");
  civic_accessible_set_name (row, name);
  return row;
}

/* Requests */

static gboolean
request_in_list (CivicDisclosureRequest *request,
                 CivicRequestList        list)
{
  switch (civic_disclosure_request_get_state (request))
    {
    case CIVIC_DISCLOSURE_REQUEST_STATE_REPLIED:
      return list == CIVIC_REQUEST_LIST_REPLIED;
    case CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED:
    case CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN:
      return list == CIVIC_REQUEST_LIST_CLOSED;
    default:
      return list == CIVIC_REQUEST_LIST_TO_DO;
    }
}

/* The receipt, and what is asked for: the applicant is not searched,
 * since the offline copy has only their masked name */
static gboolean
request_matches_search (CivicDisclosuresView   *self,
                        CivicDisclosureRequest *request)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *description = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  receipt = g_utf8_casefold (civic_disclosure_request_get_receipt (request) ?: "", -1);
  description = g_utf8_casefold (civic_disclosure_request_get_description (request) ?: "", -1);
  return strstr (receipt, needle) != NULL || strstr (description, needle) != NULL;
}

/* The reply clock on @today, as the core counts it from what happened to
 * the request; %NULL for one whose events cannot be read */
static CivicDisclosureRequestReading *
read_request_clock (CivicDisclosuresView   *self,
                    CivicDisclosureRequest *request,
                    CivicDay                today)
{
  g_autoptr(CivicDisclosureRequestClock) clock = NULL;
  g_autoptr(GError) error = NULL;

  clock = civic_disclosure_request_dup_clock (request,
                                              civic_sync_engine_get_calendar (self->engine),
                                              &error);
  if (clock == NULL)
    {
      g_warning ("The clock of request %s cannot be read: %s",
                 civic_disclosure_request_get_id (request), error->message);
      return NULL;
    }
  return civic_disclosure_request_clock_read (clock, today, NULL);
}

/* A request of the list shown, its reply clock read once for its place
 * and its chip */
typedef struct
{
  CivicDisclosureRequest *request;
  CivicDay                sort_day;  /* to do: the reply's due day; else the day received */
  CivicDay                due;       /* invalid once answered or closed */
  const char             *status;    /* the reply clock's colour, while it is open */
} ShownRequest;

/* To do: the reply due soonest on top. Answered: the latest received on
 * top. Then by receipt. */
static int
compare_shown_requests (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  CivicDisclosuresView *self = user_data;
  const ShownRequest *x = a, *y = b;

  if (x->sort_day != y->sort_day)
    {
      gboolean ascending = self->shown_requests == CIVIC_REQUEST_LIST_TO_DO;

      return (x->sort_day < y->sort_day) == ascending ? -1 : 1;
    }
  return g_strcmp0 (civic_disclosure_request_get_receipt (x->request),
                    civic_disclosure_request_get_receipt (y->request));
}

/* The first line of what is asked for, short enough for a row */
static char *
dup_first_line (const char *text)
{
  const guint max = 48;
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  {
    g_autofree char *start = g_utf8_substring (line, 0, max);

    return g_strconcat (start, "…", NULL);
  }
}

/* A request: its receipt; the first line of what it asks; who asks, as
 * the annual report counts them, and where it stands; the days left to
 * reply while it is open; a mark while the official's changes wait to be
 * sent */
static GtkWidget *
request_row_new (CivicDisclosuresView *self,
                 const ShownRequest   *item,
                 CivicDay              today)
{
  CivicDisclosureRequest *request = item->request;
  CivicCalendar *calendar = civic_sync_engine_get_calendar (self->engine);
  const CivicDisclosureApplicant *applicant = civic_disclosure_request_get_applicant (request);
  const char *receipt = civic_disclosure_request_get_receipt (request);
  const char *state =
    civic_disclosure_request_state_get_label (civic_disclosure_request_get_state (request));
  gboolean pending = g_hash_table_contains (self->pending,
                                            civic_disclosure_request_get_id (request));
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *first_line = dup_first_line (civic_disclosure_request_get_description (request));
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *due_text = "";

  if (receipt == NULL)
    receipt = _("Not numbered yet");
  /* Translators: a request's row under its receipt: what it asks for,
   * then who asks and where it stands: "公开2025年度某路段拓宽工程的
   * 环评批复\nNatural person · In progress" */
  subtitle = g_strdup_printf (_("%s\n%s · %s"), first_line,
                              civic_disclosure_applicant_kind_get_label (applicant->kind), state);
  gtk_widget_set_name (row, civic_disclosure_request_get_id (request));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), receipt);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (pending)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("document-send-symbolic");

      gtk_widget_add_css_class (icon, "pending-mark");
      gtk_widget_set_tooltip_text (icon, _("Waiting to be sent"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  if (item->due != CIVIC_DAY_INVALID)
    {
      GtkWidget *chip = civic_due_chip_new ();

      civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), item->status, item->due, calendar, today);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
      due_text = civic_due_chip_get_text (CIVIC_DUE_CHIP (chip));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* Translators: a request as a screen reader says it: its receipt, what
   * it asks for, who asks and its state, the time left, and whether it
   * waits to be sent */
  name = g_strdup_printf (_("%s, %s, %s, %s%s%s%s"), receipt, first_line,
                          civic_disclosure_applicant_kind_get_label (applicant->kind), state,
                          *due_text ? ", " : "", due_text,
                          pending ? _(", waiting to be sent") : "");
  civic_accessible_set_name (row, name);
  return row;
}

static void
fill_request_list (CivicDisclosuresView *self)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (ShownRequest));
  CivicDay today = civic_time_today ();

  for (guint i = 0; i < self->requests->len; i++)
    {
      CivicDisclosureRequest *request = g_ptr_array_index (self->requests, i);
      ShownRequest item = { request, civic_disclosure_request_get_received_on (request),
                            CIVIC_DAY_INVALID, NULL };

      if (!request_in_list (request, self->shown_requests) ||
          !request_matches_search (self, request))
        continue;
      if (civic_disclosure_request_is_open (request))
        {
          g_autoptr(CivicDisclosureRequestReading) reading = read_request_clock (self, request,
                                                                                 today);

          if (reading != NULL)
            {
              item.due = reading->reply->due;
              item.status = civic_enum_to_nick (CIVIC_TYPE_CLOCK_STATUS, reading->reply->status);
            }
          /* One whose clock cannot be read goes last, not first */
          item.sort_day = item.due != CIVIC_DAY_INVALID ? item.due : G_MAXUINT32;
        }
      g_array_append_val (shown, item);
    }
  g_array_sort_with_data (shown, compare_shown_requests, self);
  for (guint i = 0; i < shown->len; i++)
    gtk_list_box_append (self->list,
                         request_row_new (self, &g_array_index (shown, ShownRequest, i), today));
}

static void
fill_list (CivicDisclosuresView *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->engine == NULL)
    return;
  if (self->showing_requests)
    {
      if (self->requests != NULL)
        fill_request_list (self);
      return;
    }
  if (self->disclosures == NULL)
    return;

  for (guint i = 0; i < self->disclosures->len; i++)
    {
      CivicDisclosure *disclosure = g_ptr_array_index (self->disclosures, i);

      if (in_list (self, disclosure, self->shown) && matches_search (self, disclosure))
        g_ptr_array_add (shown, disclosure);
    }
  g_ptr_array_sort_with_data (shown, compare_disclosures, self);
  for (guint i = 0; i < shown->len; i++)
    gtk_list_box_append (self->list, row_new (self, g_ptr_array_index (shown, i)));
}

/* Whether the next step of an open request is this official's: an
 * editor's while it is worked on, a reviewer's or the head's once its
 * reply is drafted */
static gboolean
request_waits_for_me (CivicDisclosuresView   *self,
                      CivicDisclosureRequest *request)
{
  g_autoptr(GArray) actions = NULL;

  if (!civic_disclosure_request_is_open (request))
    return FALSE;
  actions = civic_sync_engine_list_record_actions (self->engine, &civic_disclosure_request_kind,
                                                   G_OBJECT (request));
  for (guint i = 0; i < actions->len; i++)
    switch (g_array_index (actions, guint, i))
      {
      case CIVIC_DISCLOSURE_REQUEST_ACTION_ISSUE_REPLY:
        if (civic_disclosure_request_get_reply (request) != NULL)
          return TRUE;
        break;
      case CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY:
      case CIVIC_DISCLOSURE_REQUEST_ACTION_RECEIVE_CORRECTION:
      case CIVIC_DISCLOSURE_REQUEST_ACTION_RECORD_ANSWER:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

/* What waits for this official: the drafts an editor writes, the
 * reviews a reviewer owes, the requests to answer */
static void
count_to_do (CivicDisclosuresView *self)
{
  const CivicActor *me;
  guint n = 0;

  self->n_to_do = 0;
  if (self->engine == NULL || self->disclosures == NULL)
    return;
  me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
  for (guint i = 0; i < self->disclosures->len; i++)
    {
      CivicDisclosure *disclosure = g_ptr_array_index (self->disclosures, i);
      CivicDisclosureState state = civic_disclosure_get_state (disclosure);

      if ((state == CIVIC_DISCLOSURE_STATE_DRAFT &&
           civic_actor_has_role (me, CIVIC_ROLE_DISCLOSURE_EDITOR)) ||
          (state == CIVIC_DISCLOSURE_STATE_IN_REVIEW && is_reviewer (self) &&
           may_take (self, disclosure, CIVIC_DISCLOSURE_ACTION_REVIEW)))
        n++;
    }
  for (guint i = 0; self->requests != NULL && i < self->requests->len; i++)
    n += request_waits_for_me (self, g_ptr_array_index (self->requests, i));
  self->n_to_do = n;
}

/* The header and the filters of the half shown: its lists, its search,
 * and what an editor may start there */
static void
update_header (CivicDisclosuresView *self)
{
  const CivicActor *me = self->engine != NULL
    ? civic_cache_get_me (civic_sync_engine_get_cache (self->engine)) : NULL;
  gboolean editor = civic_actor_has_role (me, CIVIC_ROLE_DISCLOSURE_EDITOR);
  const char *search = self->showing_requests ? _("Search receipts and requests")
                                              : _("Search titles");

  gtk_stack_set_visible_child_name (self->filter_stack,
                                    self->showing_requests ? "requests" : "disclosures");
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), editor && !self->showing_requests);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), editor && self->showing_requests);
  gtk_widget_set_visible (self->more_new_button, editor && !self->showing_requests);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "disclosures.new-report", editor);
  g_object_set (self->search_entry, "placeholder-text", search, NULL);
  civic_accessible_set_name (GTK_WIDGET (self->search_entry), search);
  civic_accessible_set_name (GTK_WIDGET (self->list),
                             self->showing_requests ? _("Requests") : C_("section", "Disclosures"));
  gtk_label_set_label (GTK_LABEL (self->placeholder),
                       self->showing_requests ? _("No requests here") : _("No disclosures here"));
}

/* The service's reminder of last year's annual report (OGI Art. 49), on
 * the organ's department from 1 January until a report for that year
 * exists; an editor drafts it from here */
static void
update_report_banner (CivicDisclosuresView *self)
{
  CivicCache *cache = self->engine != NULL ? civic_sync_engine_get_cache (self->engine) : NULL;
  const CivicActor *me = cache != NULL ? civic_cache_get_me (cache) : NULL;
  g_autoptr(JsonNode) department = NULL;
  JsonObject *reminder = NULL;
  g_autofree char *text = NULL;

  self->report_year = 0;
  if (me != NULL && me->department_id != NULL)
    department = civic_cache_load_entity (cache, CIVIC_ENTITY_DEPARTMENT, me->department_id, NULL);
  if (department != NULL && JSON_NODE_HOLDS_OBJECT (department))
    reminder = civic_json_lookup_object (json_node_get_object (department),
                                         "annual_report_reminder");
  if (reminder != NULL && !self->showing_requests)
    {
      const char *due_text = civic_json_lookup_string (reminder, "due_on", "—");

      self->report_year = (int) civic_json_lookup_int (reminder, "year", 0);
      /* Translators: the year reported on, then the day it is due */
      text = g_strdup_printf (_("The annual report for %d is due by %s (OGI Art. 49)."),
                              self->report_year, due_text);
      gtk_label_set_label (self->report_label, text);
    }
  gtk_widget_set_visible (self->report_button,
                          self->report_year > 0 &&
                          civic_actor_has_role (me, CIVIC_ROLE_DISCLOSURE_EDITOR));
  gtk_revealer_set_reveal_child (self->report_revealer, self->report_year > 0);
}

static void
reload (CivicDisclosuresView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->disclosures, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_hash_table_remove_all (self->pending);
  if (self->engine != NULL)
    {
      g_autoptr(GPtrArray) local = civic_cache_dup_local (civic_sync_engine_get_cache (self->engine));

      self->disclosures = civic_sync_engine_list_disclosures (self->engine, &error);
      if (self->disclosures == NULL)
        g_warning ("The disclosures cannot be read: %s", error->message);
      g_clear_error (&error);
      self->requests = civic_sync_engine_list_disclosure_requests (self->engine, &error);
      if (self->requests == NULL)
        g_warning ("The disclosure requests cannot be read: %s", error->message);
      for (guint i = 0; local != NULL && i < local->len; i++)
        {
          CivicRecordKey *key = g_ptr_array_index (local, i);

          if (g_strcmp0 (key->type, CIVIC_ENTITY_DISCLOSURE) == 0 ||
              g_strcmp0 (key->type, CIVIC_ENTITY_DISCLOSURE_REQUEST) == 0)
            g_hash_table_add (self->pending, g_strdup (key->id));
        }
    }
  update_header (self);
  update_report_banner (self);
  count_to_do (self);
  fill_list (self);
  if (self->engine != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "disclosure") == 0)
    civic_disclosure_editor_reload (civic_disclosures_view_get_editor (self));
  if (self->engine != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "request") == 0)
    civic_request_page_reload (self->request_page);
}

/* Navigation */

void
civic_disclosures_view_show_list (CivicDisclosuresView *self,
                                  CivicDisclosureList   list)
{
  GtkToggleButton *buttons[] = { self->drafts_button, self->review_button, self->scheduled_button,
                                 self->published_button, self->ended_button };

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));
  g_return_if_fail (list < G_N_ELEMENTS (buttons));

  self->shown = list;
  self->showing_requests = FALSE;
  gtk_toggle_button_set_active (self->disclosures_mode_button, TRUE);
  gtk_toggle_button_set_active (buttons[list], TRUE);
  gtk_stack_set_visible_child_name (self->pages, "list");
  update_header (self);
  fill_list (self);
}

/**
 * civic_disclosures_view_show_requests:
 *
 * Shows the requests for information of @list.
 */
void
civic_disclosures_view_show_requests (CivicDisclosuresView *self,
                                      CivicRequestList      list)
{
  GtkToggleButton *buttons[] = { self->to_do_button, self->replied_button, self->closed_button };

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));
  g_return_if_fail (list < G_N_ELEMENTS (buttons));

  self->shown_requests = list;
  self->showing_requests = TRUE;
  gtk_toggle_button_set_active (self->requests_mode_button, TRUE);
  gtk_toggle_button_set_active (buttons[list], TRUE);
  gtk_stack_set_visible_child_name (self->pages, "list");
  update_header (self);
  fill_list (self);
}

gboolean
civic_disclosures_view_get_showing_requests (CivicDisclosuresView *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self), FALSE);
  return self->showing_requests;
}

static void
mode_toggled_cb (CivicDisclosuresView *self,
                 GtkToggleButton      *button)
{
  gboolean requests;

  if (!gtk_toggle_button_get_active (button))
    return;
  requests = button == self->requests_mode_button;
  if (requests == self->showing_requests)
    return;
  self->showing_requests = requests;
  update_header (self);
  fill_list (self);
}

static void
request_filter_toggled_cb (CivicDisclosuresView *self,
                           GtkToggleButton      *button)
{
  GtkToggleButton *buttons[] = { self->to_do_button, self->replied_button, self->closed_button };

  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (buttons[i] == button && self->shown_requests != i)
      {
        self->shown_requests = i;
        fill_list (self);
      }
}

static void
show_mode_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CivicDisclosuresView *self = CIVIC_DISCLOSURES_VIEW (widget);

  if (g_str_equal (g_variant_get_string (parameter, NULL), "requests"))
    civic_disclosures_view_show_requests (self, self->shown_requests);
  else
    civic_disclosures_view_show_list (self, self->shown);
}

static void
filter_toggled_cb (CivicDisclosuresView *self,
                   GtkToggleButton      *button)
{
  GtkToggleButton *buttons[] = { self->drafts_button, self->review_button, self->scheduled_button,
                                 self->published_button, self->ended_button };

  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (buttons[i] == button && self->shown != i)
      {
        self->shown = i;
        fill_list (self);
      }
}

void
civic_disclosures_view_set_search (CivicDisclosuresView *self,
                                   const char           *text)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  fill_list (self);
}

static void
search_changed_cb (CivicDisclosuresView *self)
{
  fill_list (self);
}

void
civic_disclosures_view_open_disclosure (CivicDisclosuresView *self,
                                        const char           *disclosure_id)
{
  CivicDisclosure *disclosure;
  const char *title;

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));

  civic_disclosure_editor_show_disclosure (civic_disclosures_view_get_editor (self),
                                           disclosure_id);
  disclosure = civic_disclosure_editor_get_disclosure (self->editor);
  title = disclosure ? civic_disclosure_get_title (disclosure) : NULL;
  adw_window_title_set_title (self->disclosure_title,
                              title && *title ? title : C_("page title", "Disclosure"));
  adw_window_title_set_subtitle (self->disclosure_title,
                                 disclosure ? civic_disclosure_category_get_label (
                                   civic_disclosure_get_category (disclosure)) : "");
  gtk_stack_set_visible_child_name (self->pages, "disclosure");
}

static void
back_cb (CivicDisclosuresView *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

/**
 * civic_disclosures_view_open_request:
 *
 * Shows the request's page.
 */
void
civic_disclosures_view_open_request (CivicDisclosuresView *self,
                                     const char           *request_id)
{
  CivicDisclosureRequest *request;
  const char *receipt;

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));

  civic_request_page_show_request (self->request_page, request_id);
  request = civic_request_page_get_request (self->request_page);
  receipt = request ? civic_disclosure_request_get_receipt (request) : NULL;
  adw_window_title_set_title (self->request_title,
                              receipt ? receipt : C_("page title", "Request"));
  adw_window_title_set_subtitle (self->request_title,
                                 request ? civic_disclosure_request_state_get_label (
                                   civic_disclosure_request_get_state (request)) : "");
  gtk_stack_set_visible_child_name (self->pages, "request");
}

static void
row_activated_cb (CivicDisclosuresView *self,
                  GtkListBoxRow        *row)
{
  if (self->showing_requests)
    civic_disclosures_view_open_request (self, gtk_widget_get_name (GTK_WIDGET (row)));
  else
    civic_disclosures_view_open_disclosure (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* A new draft */

/**
 * civic_disclosures_view_create:
 *
 * Makes a draft with @args (create-disclosure's) under a fresh id, in
 * the offline copy at once, and opens it.
 *
 * Returns: (transfer full) (nullable): the draft's id
 */
char *
civic_disclosures_view_create (CivicDisclosuresView  *self,
                               JsonObject            *args,
                               GError               **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *command = NULL;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self), NULL);
  g_return_val_if_fail (self->engine != NULL, NULL);

  command = civic_sync_engine_perform_disclosure (self->engine, id, CIVIC_DISCLOSURE_ACTION_CREATE,
                                                  args, error);
  if (command == NULL)
    return NULL;
  reload (self);
  civic_disclosures_view_open_disclosure (self, id);
  return g_steal_pointer (&id);
}

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicDisclosuresView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  id = civic_disclosures_view_create (self, args, &error);
  if (id == NULL)
    civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                   create_done_cb, g_object_ref (self));
  else
    civic_section_toast (CIVIC_SECTION (self), civic_command_past_tense ("create-disclosure"));
}

/**
 * civic_disclosures_view_new_disclosure:
 *
 * Asks for a new draft's catalogue entry (create-disclosure's form).
 */
/* The form of an action that makes a disclosure, for an editor: checked
 * on a blank draft, the record made with a fresh id once it is filled
 * in; %NULL for anyone else */
static CivicActionDialog *
new_draft_dialog (CivicDisclosuresView  *self,
                  CivicDisclosureAction  action)
{
  const CivicActor *me;
  g_autoptr(CivicDisclosure) blank = NULL;
  g_autofree char *id = g_uuid_string_random ();

  if (self->engine == NULL)
    return NULL;
  me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
  if (!civic_actor_has_role (me, CIVIC_ROLE_DISCLOSURE_EDITOR))
    return NULL;
  blank = civic_disclosure_new (id, me->department_id, me->id, me->name);
  return civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->engine, &civic_disclosure_kind, G_OBJECT (blank), action,
                                  1);
}

void
civic_disclosures_view_new_disclosure (CivicDisclosuresView *self)
{
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));

  dialog = new_draft_dialog (self, CIVIC_DISCLOSURE_ACTION_CREATE);
  if (dialog != NULL)
    civic_action_dialog_run_async (dialog, NULL, create_done_cb, g_object_ref (self));
}

static void
new_clicked_cb (CivicDisclosuresView *self)
{
  civic_disclosures_view_new_disclosure (self);
}

/* The annual report: a draft the service fills from the year's records
 * (generate-disclosure-annual-report on a fresh id) */

static void
report_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicDisclosuresView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *command = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  command = civic_sync_engine_perform_disclosure (self->engine, id,
                                                  CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT, args,
                                                  &error);
  if (command == NULL)
    {
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     report_done_cb, g_object_ref (self));
      return;
    }
  civic_section_toast (CIVIC_SECTION (self),
                       civic_command_past_tense ("generate-disclosure-annual-report"));
  reload (self);
  civic_disclosures_view_open_disclosure (self, id);
}

/**
 * civic_disclosures_view_new_report:
 * @year: the year to report on, or 0 for the one the service reminds of
 *
 * Asks which year's annual report to draft (OGI Art. 50).
 */
void
civic_disclosures_view_new_report (CivicDisclosuresView *self,
                                   int                   year)
{
  g_autoptr(JsonObject) args = json_object_new ();
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));

  dialog = new_draft_dialog (self, CIVIC_DISCLOSURE_ACTION_GENERATE_REPORT);
  if (dialog == NULL)
    return;
  /* The year the service reminds of, else the last one ended */
  if (year <= 0)
    year = self->report_year;
  if (year <= 0)
    {
      g_autoptr(GDateTime) now = civic_time_now ();

      year = g_date_time_get_year (now) - 1;
    }
  json_object_set_int_member (args, "year", year);
  civic_action_dialog_set_args (dialog, args);
  civic_action_dialog_run_async (dialog, NULL, report_done_cb, g_object_ref (self));
}

static void
report_clicked_cb (CivicDisclosuresView *self)
{
  civic_disclosures_view_new_report (self, 0);
}

static void
new_report_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  civic_disclosures_view_new_report (CIVIC_DISCLOSURES_VIEW (widget), 0);
}

/* A request registered by an official: one handed in at the counter,
 * posted or faxed (Art. 31). It is born in the offline copy under a
 * fresh id, as a draft is, and the service gives it its receipt. */

static void
register_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CivicDisclosuresView) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  command = civic_sync_engine_perform_disclosure_request (self->engine, id,
                                                          CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER,
                                                          args, &error);
  if (command == NULL)
    {
      civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                     register_done_cb, g_object_ref (self));
      return;
    }
  civic_section_toast (CIVIC_SECTION (self),
                       civic_command_past_tense ("register-disclosure-request"));
  reload (self);
  civic_disclosures_view_open_request (self, id);
}

/**
 * civic_disclosures_view_register_request:
 *
 * Asks for a request received outside the public form
 * (register-disclosure-request's form).
 */
void
civic_disclosures_view_register_request (CivicDisclosuresView *self)
{
  const CivicActor *me;
  g_autoptr(CivicDisclosureRequest) blank = NULL;
  g_autofree char *id = g_uuid_string_random ();
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self));

  if (self->engine == NULL)
    return;
  me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
  if (!civic_actor_has_role (me, CIVIC_ROLE_DISCLOSURE_EDITOR))
    return;
  /* The form is checked on a blank request of the official's organ; the
   * request is made under a fresh id once it is filled in */
  blank = civic_disclosure_request_new (id, me->department_id);
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_disclosure_request_kind,
                                    G_OBJECT (blank), CIVIC_DISCLOSURE_REQUEST_ACTION_REGISTER, 1);
  civic_action_dialog_run_async (dialog, NULL, register_done_cb, g_object_ref (self));
}

static void
register_clicked_cb (CivicDisclosuresView *self)
{
  civic_disclosures_view_register_request (self);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CivicDisclosuresView *self = CIVIC_DISCLOSURES_VIEW (widget);

  if (self->showing_requests)
    civic_disclosures_view_register_request (self);
  else
    civic_disclosures_view_new_disclosure (self);
}

guint
civic_disclosures_view_get_n_to_do (CivicDisclosuresView *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self), 0);
  return self->n_to_do;
}

GtkListBox *
civic_disclosures_view_get_list (CivicDisclosuresView *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self), NULL);
  return self->list;
}

static void editor_toast_cb (CivicDisclosuresView *self,
                             AdwToast             *toast);

/**
 * civic_disclosures_view_get_editor:
 *
 * Returns: (transfer none): the editor of a disclosure's page, made the
 * first time it is asked for: a GtkSourceView with its language and
 * styles is a sixth of a window's start, and most days no disclosure is
 * opened.
 */
CivicDisclosureEditor *
civic_disclosures_view_get_editor (CivicDisclosuresView *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self), NULL);

  if (self->editor == NULL)
    {
      self->editor = g_object_new (CIVIC_TYPE_DISCLOSURE_EDITOR, "vexpand", TRUE, NULL);
      g_signal_connect_swapped (self->editor, "add-toast", G_CALLBACK (editor_toast_cb), self);
      civic_disclosure_editor_set_engine (self->editor, self->engine);
      gtk_box_append (self->editor_box, GTK_WIDGET (self->editor));
    }
  return self->editor;
}

CivicRequestPage *
civic_disclosures_view_get_request_page (CivicDisclosuresView *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURES_VIEW (self), NULL);
  return self->request_page;
}

static void
editor_toast_cb (CivicDisclosuresView *self,
                 AdwToast             *toast)
{
  g_signal_emit_by_name (self, "add-toast", toast);
}

static void
civic_disclosures_view_engine_changed (CivicSection    *section,
                                       CivicSyncEngine *engine)
{
  CivicDisclosuresView *self = CIVIC_DISCLOSURES_VIEW (section);

  self->engine = engine;
  if (self->editor != NULL)
    civic_disclosure_editor_set_engine (self->editor, engine);
  civic_request_page_set_engine (self->request_page, engine);
  gtk_stack_set_visible_child_name (self->pages, "list");
  reload (self);
}

static void
civic_disclosures_view_dispose (GObject *object)
{
  CivicDisclosuresView *self = CIVIC_DISCLOSURES_VIEW (object);

  self->engine = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->editor = NULL;          /* went with the box that held it */
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_DISCLOSURES_VIEW);
  g_clear_pointer (&self->disclosures, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (civic_disclosures_view_parent_class)->dispose (object);
}

/* A save refused as stale ("written on version 2, but version 3 has been
 * saved since"): the text saved since against the one refused, so the
 * official sees what a colleague changed before discarding theirs or
 * taking it up again in the editor */
static GtkWidget *
stale_save_detail (const CivicConflict *conflict,
                   GObject             *record)
{
  CivicDisclosure *disclosure = CIVIC_DISCLOSURE (record);
  g_autoptr(JsonObject) args = civic_json_parse_object (conflict->command->args, -1, NULL);
  g_autofree char *old_title = NULL;
  g_autofree char *new_title = NULL;
  const char *body;
  gint64 base;
  GtkWidget *diff;

  if (args == NULL)
    return NULL;
  body = civic_json_lookup_string (args, "body", NULL);
  base = civic_json_lookup_int (args, "base_version", -1);
  if (body == NULL || base < 0 || (guint) base == civic_disclosure_get_head_version (disclosure))
    return NULL;
  /* Translators: the text saved by someone else since, and its version */
  old_title = g_strdup_printf (_("Version %u, saved since"),
                               civic_disclosure_get_head_version (disclosure));
  /* Translators: the official's refused text, and the version it was written on */
  new_title = g_strdup_printf (_("Yours, written on version %u"), (guint) base);
  diff = civic_diff_view_new ();
  civic_diff_view_set_texts (CIVIC_DIFF_VIEW (diff), old_title,
                             civic_disclosure_get_body (disclosure), new_title, body);
  gtk_widget_set_size_request (diff, -1, 320);
  gtk_widget_set_margin_top (diff, 6);
  gtk_widget_set_margin_bottom (diff, 6);
  gtk_widget_set_margin_start (diff, 6);
  gtk_widget_set_margin_end (diff, 6);
  return diff;
}

static void
civic_disclosures_view_class_init (CivicDisclosuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CivicSectionClass *section_class = CIVIC_SECTION_CLASS (klass);

  object_class->dispose = civic_disclosures_view_dispose;
  section_class->engine_changed = civic_disclosures_view_engine_changed;
  civic_conflicts_view_add_detail ("save-disclosure", stale_save_detail);

  gtk_widget_class_install_action (widget_class, "disclosures.new", NULL, new_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "disclosures.new", NULL);
  gtk_widget_class_install_action (widget_class, "disclosures.new-report", NULL,
                                   new_report_activated);
  gtk_widget_class_install_action (widget_class, "disclosures.show", "s", show_mode_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "disclosures.show", "s", "disclosures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "disclosures.show", "s", "requests");

  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);
  g_type_ensure (CIVIC_TYPE_REQUEST_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-disclosures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, pages);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView,
                                        disclosures_mode_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, requests_mode_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, filter_stack);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, new_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, register_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, more_new_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, to_do_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, replied_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, closed_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, request_title);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, request_page);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, drafts_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, review_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, scheduled_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, published_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, ended_button);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, list);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, disclosure_title);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, editor_box);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, report_label);
  gtk_widget_class_bind_template_child (widget_class, CivicDisclosuresView, report_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_clicked_cb);
}

static void
civic_disclosures_view_init (CivicDisclosuresView *self)
{
  GtkWidget *none;

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_group_connect_swapped (civic_section_get_engine_signals (CIVIC_SECTION (self)),
                                  "cases-changed", G_CALLBACK (reload), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->request_page, "add-toast", G_CALLBACK (editor_toast_cb), self);

  /* Said by the list when it is empty: not a row to choose */
  none = self->placeholder = gtk_label_new (_("No disclosures here"));
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 24);
  gtk_widget_set_margin_bottom (none, 24);
  gtk_list_box_set_placeholder (self->list, none);
}
