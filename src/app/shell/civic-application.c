/* civic-application.c — the application: settings, the account, the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-application"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "civic-accessible.h"
#include "civic-application.h"
#include "civic-time.h"
#include "civicdesk-resources.h"
#include "civic-case-index.h"
#include "civic-demo-service.h"
#include "civic-core-enums.h"
#include "civic-evaluation-kind.h"
#include "civic-json.h"
#include "civic-preferences-window.h"
#include "civic-warning-kind.h"
#include "civic-window.h"

/* One application, one signed-in official at a time (the account), one
 * window. The account's offline copy opens at start-up without the
 * network; the token comes from the keyring, or the official types the
 * password again. The demo runs the bundled service and signs in as one of
 * its officials; it is not remembered. */

const char * const civic_demo_roles[] = { "clerk", "examiner", "approver", "officer", "editor",
                                          "reviewer", "head", "handler", "reply-reviewer",
                                          "dispatcher", "catalogue-editor", "catalogue-reviewer",
                                          "dept-admin", "admin", "supervisor", NULL };

/**
 * civic_demo_role_get_label:
 * @name: one of civic_demo_roles
 *
 * Returns: the role of the demo's official @name, as officials call it
 */
const char *
civic_demo_role_get_label (const char *name)
{
  /* In the order of civic_demo_roles */
  static const CivicRole roles[] = {
    CIVIC_ROLE_CLERK, CIVIC_ROLE_EXAMINER, CIVIC_ROLE_APPROVER, CIVIC_ROLE_HEARING_OFFICER,
    CIVIC_ROLE_DISCLOSURE_EDITOR, CIVIC_ROLE_DISCLOSURE_REVIEWER, CIVIC_ROLE_DISCLOSURE_HEAD,
    CIVIC_ROLE_COMPLAINT_HANDLER, CIVIC_ROLE_MESSAGE_REVIEWER, CIVIC_ROLE_DISPATCHER,
    CIVIC_ROLE_CATALOGUE_EDITOR, CIVIC_ROLE_CATALOGUE_REVIEWER, CIVIC_ROLE_DEPARTMENT_ADMIN,
    CIVIC_ROLE_ADMIN, CIVIC_ROLE_SUPERVISOR,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (roles) == G_N_ELEMENTS (civic_demo_roles) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (name, civic_demo_roles[i]) == 0)
      return civic_role_get_label (roles[i]);
  g_return_val_if_reached (name);
}

struct _CivicApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  CivicAccount     *account;
  GCancellable     *cancellable;

  /* The demo */
  CivicDemoService *demo;
  gboolean          demo_active;
  char             *demo_role;
  gboolean          start_demo;

  /* Notifications: my open cases and their colours at the last look */
  GHashTable       *my_cases;
  GHashTable       *hearings_told;  /* what was said of hearings this session */
  GHashTable       *ratings_seen;   /* bad ratings to rectify: id → clock status */
  GHashTable       *red_cases;      /* the department's overdue cases, for its head */
  guint             notify_source;

  /* Signed in with a password an administrator set: the connection that
   * waits for the official to choose their own (a Connect) */
  gpointer          password_wait;
};

G_DEFINE_FINAL_TYPE (CivicApplication, civic_application, ADW_TYPE_APPLICATION)

typedef struct _Connect Connect;
static void connect_free (Connect *connect);

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
civic_application_dispose (GObject *object)
{
  CivicApplication *self = (CivicApplication *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->notify_source, g_source_remove);
  g_clear_object (&self->account);
  g_clear_object (&self->demo);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (civic_application_parent_class)->dispose (object);
}

static void
civic_application_finalize (GObject *object)
{
  CivicApplication *self = (CivicApplication *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->password_wait, connect_free);
  g_clear_pointer (&self->my_cases, g_hash_table_unref);
  g_clear_pointer (&self->hearings_told, g_hash_table_unref);
  g_clear_pointer (&self->ratings_seen, g_hash_table_unref);
  g_clear_pointer (&self->red_cases, g_hash_table_unref);
  g_free (self->demo_role);

  G_OBJECT_CLASS (civic_application_parent_class)->finalize (object);
}

static void
civic_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CivicApplication *self = CIVIC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo_active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Notifications */

static void
look_at_my_cases (CivicApplication *self)
{
  CivicInboxFilter mine = { CIVIC_INBOX_MINE, NULL, NULL, NULL, NULL, -1, NULL,
                            CIVIC_INBOX_SORT_DUE };
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean first = self->my_cases == NULL;
  gboolean assigned = g_settings_get_boolean (self->settings, "notify-assigned");
  gboolean deadlines = g_settings_get_boolean (self->settings, "notify-deadlines");

  if (self->account == NULL || !civic_account_is_ready (self->account))
    return;

  rows = civic_cache_list_cases (civic_account_get_cache (self->account), &mine, 0, 5000, NULL);
  if (rows == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      CivicInboxRow *row = g_ptr_array_index (rows, i);
      const char *before = first ? NULL : g_hash_table_lookup (self->my_cases, row->id);
      g_autofree char *id = g_strconcat ("case-", row->id, NULL);
      g_autoptr(GNotification) notification = NULL;

      g_hash_table_insert (now, g_strdup (row->id), g_strdup (row->status));
      /* What the official did here needs no telling. */
      if (first || row->pending)
        continue;

      if (before == NULL && assigned)
        {
          /* Translators: the case number, then the service item */
          g_autofree char *body = g_strdup_printf (_("%s — %s"), row->number, row->item_name);

          notification = g_notification_new (_("A case was assigned to you"));
          g_notification_set_body (notification, body);
        }
      else if (before != NULL && deadlines && g_strcmp0 (before, row->status) != 0 &&
               (g_str_equal (row->status, "yellow") || g_str_equal (row->status, "red")))
        {
          g_autofree char *body = g_strdup_printf (_("%s — %s"), row->number, row->item_name);

          notification = g_notification_new (g_str_equal (row->status, "red")
                                             ? _("A case of yours is overdue")
                                             : _("A case of yours is due soon"));
          g_notification_set_body (notification, body);
          g_notification_set_priority (notification, g_str_equal (row->status, "red")
                                                     ? G_NOTIFICATION_PRIORITY_HIGH
                                                     : G_NOTIFICATION_PRIORITY_NORMAL);
        }

      if (notification != NULL)
        {
          g_notification_set_default_action_and_target (notification, "app.open-case", "s",
                                                        row->id);
          g_application_send_notification (G_APPLICATION (self), id, notification);
        }
    }

  g_clear_pointer (&self->my_cases, g_hash_table_unref);
  self->my_cases = g_steal_pointer (&now);
}

static void
tell_of_hearing (CivicApplication *self,
                 CivicHearing     *hearing,
                 const char       *what,
                 const char       *title,
                 GNotificationPriority priority)
{
  g_autofree char *key = g_strconcat (what, "-", civic_hearing_get_id (hearing), NULL);
  g_autofree char *label = civic_hearing_kind.label (G_OBJECT (hearing));
  g_autofree char *slot = civic_hearing_describe_slot (hearing);
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;

  /* Once a session: a sync does not say it again */
  if (!g_hash_table_add (self->hearings_told, g_strdup (key)))
    return;
  /* Translators: a hearing, its matter, and when: "Hearing on …, 食品经营许可, 2026-03-23 09:00–11:00" */
  body = g_strdup_printf (_("%s, %s%s%s"), label,
                          civic_hearing_get_matter (hearing) ? civic_hearing_get_matter (hearing) : "",
                          slot ? ", " : "", slot ? slot : "");
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, priority);
  g_notification_set_default_action_and_target (notification, "app.open-record", "(ss)",
                                                CIVIC_ENTITY_HEARING, civic_hearing_get_id (hearing));
  g_application_send_notification (G_APPLICATION (self), key, notification);
}

/* A hearing of the official's on the next working day; a hearing to
 * schedule whose latest lawful day (Art. 47) is near or past */
static void
look_at_my_hearings (CivicApplication *self)
{
  CivicSyncEngine *engine;
  const CivicActor *me;
  CivicCalendar *calendar;
  g_autoptr(GPtrArray) hearings = NULL;
  CivicDay today = civic_time_today ();

  if (self->account == NULL || !civic_account_is_ready (self->account) ||
      !g_settings_get_boolean (self->settings, "notify-deadlines") ||
      (engine = civic_account_get_engine (self->account)) == NULL)
    return;

  me = civic_cache_get_me (civic_account_get_cache (self->account));
  calendar = civic_sync_engine_get_calendar (engine);
  hearings = civic_sync_engine_list_hearings (engine, NULL);
  if (me == NULL || calendar == NULL || hearings == NULL)
    return;
  if (self->hearings_told == NULL)
    self->hearings_told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (hearings, i);

      switch (civic_hearing_get_reminder (hearing, me, calendar, today))
        {
        case CIVIC_HEARING_REMINDER_TOMORROW:
          tell_of_hearing (self, hearing, "tomorrow",
                           _("A hearing of yours is on the next working day"),
                           G_NOTIFICATION_PRIORITY_NORMAL);
          break;
        case CIVIC_HEARING_REMINDER_NEAR:
          tell_of_hearing (self, hearing, "near",
                           _("A hearing to schedule is near the latest day the law allows"),
                           G_NOTIFICATION_PRIORITY_NORMAL);
          break;
        case CIVIC_HEARING_REMINDER_LATE:
          tell_of_hearing (self, hearing, "late",
                           _("A hearing to schedule is past the latest day the law allows"),
                           G_NOTIFICATION_PRIORITY_HIGH);
          break;
        case CIVIC_HEARING_REMINDER_NONE:
        default:
          break;
        }
    }
}

/* A bad rating of the official's department to rectify (差评整改): when
 * it comes in, and when its time to rectify runs out. The first look of
 * a session only learns what is there. */
static void
look_at_my_ratings (CivicApplication *self)
{
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ratings = NULL;
  CivicSyncEngine *engine;
  const CivicActor *me;
  CivicCalendar *calendar;
  CivicDay today = civic_time_today ();
  gboolean first = self->ratings_seen == NULL;

  if (self->account == NULL || !civic_account_is_ready (self->account) ||
      !g_settings_get_boolean (self->settings, "notify-ratings") ||
      (engine = civic_account_get_engine (self->account)) == NULL)
    return;
  me = civic_cache_get_me (civic_account_get_cache (self->account));
  calendar = civic_sync_engine_get_calendar (engine);
  if (me == NULL || calendar == NULL || me->department_id == NULL ||
      !civic_actor_has_role (me, CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_APPROVER))
    return;
  ratings = civic_cache_load_records (civic_account_get_cache (self->account),
                                      &civic_evaluation_kind, NULL);
  if (ratings == NULL)
    return;

  for (guint i = 0; i < ratings->len; i++)
    {
      CivicEvaluation *rating = g_ptr_array_index (ratings, i);
      const char *id = civic_evaluation_get_id (rating);
      g_autoptr(JsonNode) summary = NULL;
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      g_autofree char *body = NULL;
      const char *status, *before;

      if (civic_evaluation_get_state (rating) != CIVIC_EVALUATION_STATE_RECTIFYING ||
          g_strcmp0 (civic_evaluation_get_department_id (rating), me->department_id) != 0)
        continue;
      summary = civic_evaluation_summarize (rating, calendar, today);
      status = json_object_get_string_member_with_default (json_node_get_object (summary),
                                                           "status", "none");
      before = first || self->ratings_seen == NULL
               ? NULL : g_hash_table_lookup (self->ratings_seen, id);
      g_hash_table_insert (now, g_strdup (id), (gpointer) g_intern_string (status));
      if (first)
        continue;

      label = civic_evaluation_kind.label (G_OBJECT (rating));
      if (before == NULL)
        {
          g_autofree char *on = civic_day_format (civic_evaluation_get_rated_on (rating));

          /* The rating and its day: what the citizen said stays in the
           * window, not on a screen anyone passing reads */
          notification = g_notification_new (_("A bad rating of your department to rectify"));
          /* Translators: "Dissatisfied, 2 of 5 — rated 2026-03-20" */
          body = g_strdup_printf (_("%s — rated %s"), label, on);
        }
      else if (g_str_equal (status, "red") && !g_str_equal (before, "red"))
        {
          notification = g_notification_new (_("A bad rating’s time to rectify has run out"));
          body = g_strdup (label);
          g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
        }
      if (notification == NULL)
        continue;
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.open-record", "(ss)",
                                                    CIVIC_ENTITY_EVALUATION, id);
      key = g_strconcat ("rating-", id, NULL);
      g_application_send_notification (G_APPLICATION (self), key, notification);
    }
  g_clear_pointer (&self->ratings_seen, g_hash_table_unref);
  g_clear_pointer (&self->red_cases, g_hash_table_unref);
  self->ratings_seen = g_steal_pointer (&now);
}

/* Supervision cards (督办): the department's head is told when one comes
 * for the department, when it turns red and when it is returned for more;
 * the supervisor when a department replies. What was told is kept with
 * the offline copy, so a card that came while the desk was closed is
 * told when it opens. */
#define CARDS_TOLD "supervision-cards-told"

static char *
card_signature (CivicWarning *warning)
{
  CivicWarningState state = civic_warning_get_state (warning);
  CivicWarningLevel level = civic_warning_get_level (warning);

  return g_strdup_printf ("%s/%s/%u/%d", civic_enum_to_nick (CIVIC_TYPE_WARNING_STATE, state),
                          civic_enum_to_nick (CIVIC_TYPE_WARNING_LEVEL, level),
                          civic_warning_get_round (warning), civic_warning_is_escalated (warning));
}

static GNotification *
card_notification (CivicWarning *warning,
                   const char   *before,
                   gboolean      head,
                   CivicCalendar *calendar)
{
  CivicWarningState state = civic_warning_get_state (warning);
  gboolean red = civic_warning_get_level (warning) == CIVIC_WARNING_LEVEL_RED;
  g_autoptr(CivicClock) clock = civic_warning_dup_clock (warning);
  g_autofree char *label = civic_warning_kind.label (G_OBJECT (warning));
  g_autofree char *body = NULL;
  GNotification *notification = NULL;

  if (head && state == CIVIC_WARNING_STATE_OPEN)
    {
      g_autoptr(CivicClockReading) reading = clock ? civic_clock_read (clock, calendar,
                                                                       civic_time_today (), NULL)
                                                   : NULL;
      g_autofree char *due = reading ? civic_day_format (reading->due) : g_strdup ("—");

      if (before == NULL)
        notification = g_notification_new (red ? _("A red card for your department")
                                                : _("A yellow card for your department"));
      else if (g_str_has_prefix (before, "replied/"))
        notification = g_notification_new (_("A card was returned for more"));
      else if (!g_str_has_prefix (before, "open/red") && red)
        notification = g_notification_new (_("A card turned red: its time to reply ran out"));
      else if (civic_warning_is_escalated (warning) && !g_str_has_suffix (before, "/1"))
        notification = g_notification_new (_("A card was reported to the hall’s leadership"));
      if (notification == NULL)
        return NULL;
      /* Translators: a card and the day its reply is due: "Red Card on 2026… — reply by
       * 2026-03-27" */
      body = g_strdup_printf (_("%s — reply by %s"), label, due);
    }
  else if (!head && state == CIVIC_WARNING_STATE_REPLIED &&
           (before == NULL || !g_str_has_prefix (before, "replied/")))
    {
      notification = g_notification_new (_("A department replied to a card"));
      body = g_strdup (label);
    }
  if (notification == NULL)
    return NULL;
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, red ? G_NOTIFICATION_PRIORITY_HIGH
                                                 : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.open-record", "(ss)",
                                                CIVIC_ENTITY_WARNING,
                                                civic_warning_get_id (warning));
  return notification;
}

static void
look_at_my_cards (CivicApplication *self)
{
  CivicCache *cache;
  CivicSyncEngine *engine;
  const CivicActor *me;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *told_text = NULL;
  g_autoptr(JsonNode) told_node = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) now = NULL;
  g_autofree char *now_text = NULL;
  JsonObject *told = NULL;
  gboolean head, supervisor;

  if (self->account == NULL || !civic_account_is_ready (self->account) ||
      !g_settings_get_boolean (self->settings, "notify-supervision") ||
      (engine = civic_account_get_engine (self->account)) == NULL)
    return;
  cache = civic_account_get_cache (self->account);
  me = civic_cache_get_me (cache);
  head = me != NULL && me->department_id != NULL &&
         civic_actor_has_role (me, CIVIC_ROLE_APPROVER | CIVIC_ROLE_DISCLOSURE_HEAD);
  supervisor = me != NULL && civic_actor_has_role (me, CIVIC_ROLE_SUPERVISOR);
  if (!head && !supervisor)
    return;
  cards = civic_cache_load_records (cache, &civic_warning_kind, NULL);
  if (cards == NULL)
    return;
  told_text = civic_cache_dup_meta (cache, CARDS_TOLD);
  told_node = told_text ? civic_json_parse (told_text, -1, NULL) : NULL;
  if (told_node != NULL && JSON_NODE_HOLDS_OBJECT (told_node))
    told = json_node_get_object (told_node);

  json_builder_begin_object (builder);
  for (guint i = 0; i < cards->len; i++)
    {
      CivicWarning *warning = g_ptr_array_index (cards, i);
      const char *id = civic_warning_get_id (warning);
      g_autofree char *signature = card_signature (warning);
      const char *before = told ? json_object_get_string_member_with_default (told, id, NULL)
                                : NULL;
      g_autoptr(GNotification) notification = NULL;
      gboolean ours = head && g_strcmp0 (civic_warning_get_department_id (warning),
                                         me->department_id) == 0;

      civic_json_set_string (builder, id, signature);
      if ((!ours && !supervisor) || g_strcmp0 (before, signature) == 0)
        continue;
      notification = card_notification (warning, before, ours,
                                        civic_sync_engine_get_calendar (engine));
      if (notification != NULL)
        {
          g_autofree char *key = g_strconcat ("card-", id, NULL);

          g_application_send_notification (G_APPLICATION (self), key, notification);
        }
    }
  json_builder_end_object (builder);
  now = json_builder_get_root (builder);
  now_text = civic_json_to_string (now, FALSE);
  if (g_strcmp0 (now_text, told_text) != 0)
    civic_cache_set_meta (cache, CARDS_TOLD, now_text, NULL);
}

/* A department's head is told when its cases go overdue, once a case:
 * one by its number, several in one word. The first look of a session
 * only learns what is there. */
static void
look_at_department_clocks (CivicApplication *self)
{
  CivicInboxFilter red = { CIVIC_INBOX_ALL, NULL, NULL, "red", NULL, -1, NULL,
                           CIVIC_INBOX_SORT_DUE };
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GNotification) notification = NULL;
  CivicInboxRow *single = NULL;
  const CivicActor *me;
  gboolean first = self->red_cases == NULL;
  guint n_new = 0;

  if (self->account == NULL || !civic_account_is_ready (self->account) ||
      !g_settings_get_boolean (self->settings, "notify-supervision"))
    return;
  me = civic_cache_get_me (civic_account_get_cache (self->account));
  if (me == NULL || me->department_id == NULL ||
      !civic_actor_has_role (me, CIVIC_ROLE_APPROVER | CIVIC_ROLE_DISCLOSURE_HEAD))
    return;
  rows = civic_cache_list_cases (civic_account_get_cache (self->account), &red, 0, 5000, NULL);
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      CivicInboxRow *row = g_ptr_array_index (rows, i);

      g_hash_table_add (now, g_strdup (row->id));
      /* The official's own are told as theirs */
      if (first || g_hash_table_contains (self->red_cases, row->id) ||
          g_strcmp0 (row->assignee_id, me->id) == 0)
        continue;
      n_new++;
      single = row;
    }
  g_clear_pointer (&self->red_cases, g_hash_table_unref);
  self->red_cases = g_steal_pointer (&now);
  if (n_new == 0)
    return;

  if (n_new == 1)
    {
      /* Translators: the case number, then the service item */
      g_autofree char *body = g_strdup_printf (_("%s — %s"), single->number, single->item_name);

      notification = g_notification_new (_("A case of your department is overdue"));
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.open-case", "s",
                                                    single->id);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u case of your department went overdue",
                                                          "%u cases of your department went overdue",
                                                          n_new), n_new);

      notification = g_notification_new (title);
      g_notification_set_body (notification, _("The Supervision section lists them, the longest "
                                                "overdue first"));
    }
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (G_APPLICATION (self), "department-overdue", notification);
}

static gboolean
look_at_my_cases_cb (gpointer data)
{
  CivicApplication *self = data;

  self->notify_source = 0;
  look_at_my_cases (self);
  look_at_my_hearings (self);
  look_at_my_ratings (self);
  look_at_my_cards (self);
  look_at_department_clocks (self);
  return G_SOURCE_REMOVE;
}

static void
cases_changed_cb (CivicApplication *self)
{
  /* A sync brings pages one after the other: look once they are in. */
  g_clear_handle_id (&self->notify_source, g_source_remove);
  self->notify_source = g_timeout_add (500, look_at_my_cases_cb, self);
}

/* The account */

static void
set_account (CivicApplication *self,
             CivicAccount     *account)
{
  if (self->account == account)
    return;

  if (self->account != NULL)
    {
      CivicSyncEngine *engine = civic_account_get_engine (self->account);

      if (engine != NULL)
        {
          civic_sync_engine_stop (engine);
          g_signal_handlers_disconnect_by_data (engine, self);
          g_settings_unbind (engine, "interval");
        }
    }

  g_set_object (&self->account, account);
  g_clear_pointer (&self->my_cases, g_hash_table_unref);
  g_clear_pointer (&self->hearings_told, g_hash_table_unref);
  g_clear_pointer (&self->ratings_seen, g_hash_table_unref);

  if (account != NULL && civic_account_is_ready (account))
    {
      CivicSyncEngine *engine = civic_account_get_engine (account);

      g_settings_bind (self->settings, "sync-interval", engine, "interval", G_SETTINGS_BIND_GET);
      g_signal_connect_swapped (engine, "cases-changed", G_CALLBACK (cases_changed_cb), self);
      civic_sync_engine_start (engine);
      /* After the window is drawn: the inbox first. */
      cases_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

static void
remember_service (CivicApplication *self,
                  const char       *service_url,
                  const char       *username,
                  const char       *ca_file)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-services");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  g_settings_set_string (self->settings, "service-url", service_url);
  g_settings_set_string (self->settings, "username", username);
  g_settings_set_string (self->settings, "ca-file", ca_file ? ca_file : "");

  g_strv_builder_add (builder, service_url);
  for (guint i = 0; recent[i] != NULL && i < 4; i++)
    if (!g_str_equal (recent[i], service_url))
      g_strv_builder_add (builder, recent[i]);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-services", (const char * const *) updated);
}

struct _Connect
{
  CivicAccount *account;
  char         *ca_file;
  gboolean      remember;
};

static void
connect_free (Connect *connect)
{
  g_clear_object (&connect->account);
  g_free (connect->ca_file);
  g_free (connect);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicApplication *self = g_task_get_source_object (task);
  Connect *connect = g_task_get_task_data (task);
  GError *error = NULL;

  if (!civic_account_sign_in_finish (CIVIC_ACCOUNT (source), result, &error))
    {
      /* Kept for civic_application_choose_password_async() */
      if (g_error_matches (error, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED))
        {
          Connect *kept = g_new0 (Connect, 1);

          kept->account = g_object_ref (connect->account);
          kept->ca_file = g_strdup (connect->ca_file);
          kept->remember = connect->remember;
          g_clear_pointer (&self->password_wait, connect_free);
          self->password_wait = kept;
        }
      g_task_return_error (task, error);
      return;
    }

  if (connect->remember)
    remember_service (self, civic_account_get_service_url (connect->account),
                      civic_account_get_username (connect->account), connect->ca_file);

  if (connect->account == self->account)
    civic_sync_engine_sync_now (civic_account_get_engine (self->account));
  else
    set_account (self, connect->account);
  g_task_return_boolean (task, TRUE);
}

static void
connect_account (CivicApplication    *self,
                 const char          *service_url,
                 const char          *username,
                 const char          *password,
                 const char          *ca_file,
                 gboolean             remember,
                 GTask               *task)
{
  GError *error = NULL;
  Connect *connect = g_new0 (Connect, 1);

  g_task_set_task_data (task, connect, (GDestroyNotify) connect_free);
  connect->ca_file = g_strdup (ca_file);
  connect->remember = remember;

  /* The same official again (a session that ended): the same account. */
  if (self->account != NULL &&
      g_strcmp0 (civic_account_get_username (self->account), username) == 0 &&
      g_strcmp0 (civic_account_get_service_url (self->account), service_url) == 0)
    connect->account = g_object_ref (self->account);
  else
    connect->account = civic_account_new (service_url, username, ca_file, &error);

  if (connect->account == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* A demo's session is not worth a keyring prompt. */
  civic_account_set_keep_session (connect->account, remember);
  civic_account_sign_in_async (connect->account, password, g_task_get_cancellable (task),
                               signed_in_cb, task);
}

static void
password_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicApplication *self = g_task_get_source_object (task);
  Connect *connect = g_task_get_task_data (task);
  GError *error = NULL;

  if (!civic_account_choose_password_finish (CIVIC_ACCOUNT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (connect->remember)
    remember_service (self, civic_account_get_service_url (connect->account),
                      civic_account_get_username (connect->account), connect->ca_file);
  if (connect->account != self->account)
    set_account (self, connect->account);
  else
    civic_sync_engine_sync_now (civic_account_get_engine (self->account));
  g_task_return_boolean (task, TRUE);
}

/**
 * civic_application_choose_password_async:
 * @current: the password the official signed in with, which an
 *   administrator set
 * @password: the one they choose
 *
 * After a connection refused with
 * %CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED: the official chooses
 * their own password, and the connection goes on as
 * civic_application_connect_async() would have.
 */
void
civic_application_choose_password_async (CivicApplication    *self,
                                         const char          *current,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  Connect *waiting, *connect;

  g_return_if_fail (CIVIC_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_application_choose_password_async);
  if (self->password_wait == NULL)
    {
      g_task_return_new_error (task, CIVIC_ACCOUNT_ERROR, CIVIC_ACCOUNT_ERROR_NEVER_SIGNED_IN,
                               _("Sign in again first"));
      g_object_unref (task);
      return;
    }
  waiting = self->password_wait;
  connect = g_new0 (Connect, 1);
  connect->account = g_object_ref (waiting->account);
  connect->ca_file = g_strdup (waiting->ca_file);
  connect->remember = waiting->remember;
  g_task_set_task_data (task, connect, (GDestroyNotify) connect_free);
  civic_account_choose_password_async (connect->account, current, password, cancellable,
                                       password_chosen_cb, task);
}

gboolean
civic_application_choose_password_finish (CivicApplication  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  g_clear_pointer (&self->password_wait, connect_free);
  return TRUE;
}

/**
 * civic_application_abandon_password_choice:
 *
 * The official did not choose a password after a sign-in with one an
 * administrator set: the session that sign-in opened ends.
 */
void
civic_application_abandon_password_choice (CivicApplication *self)
{
  Connect *waiting;

  g_return_if_fail (CIVIC_IS_APPLICATION (self));

  waiting = self->password_wait;
  if (waiting == NULL)
    return;
  civic_account_abandon_password_session (waiting->account);
  g_clear_pointer (&self->password_wait, connect_free);
}

/**
 * civic_application_connect_async:
 *
 * Signs in to a service. On success the account is the application's and
 * the service is remembered for the next start.
 */
void
civic_application_connect_async (CivicApplication    *self,
                                 const char          *service_url,
                                 const char          *username,
                                 const char          *password,
                                 const char          *ca_file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_application_connect_async);
  connect_account (self, service_url, username, password, ca_file, !self->demo_active, task);
}

gboolean
civic_application_connect_finish (CivicApplication  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The demo */

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  CivicApplication *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!civic_demo_service_start_finish (CIVIC_DEMO_SERVICE (source), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  self->demo_active = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
  connect_account (self, civic_demo_service_get_url (self->demo), self->demo_role,
                   CIVIC_DEMO_PASSWORD, NULL, FALSE, task);
}

/**
 * civic_application_try_demo_async:
 * @role: one of civic_demo_roles
 *
 * Starts the bundled service with generated data, if it is not running,
 * and signs in as its official of @role.
 */
void
civic_application_try_demo_async (CivicApplication    *self,
                                  const char          *role,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_APPLICATION (self));
  g_return_if_fail (role != NULL && g_strv_contains (civic_demo_roles, role));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_application_try_demo_async);

  /* @role may be self->demo_role itself. */
  if (role != self->demo_role)
    {
      g_free (self->demo_role);
      self->demo_role = g_strdup (role);
    }
  g_settings_set_string (self->settings, "demo-role", self->demo_role);

  if (self->demo == NULL)
    self->demo = civic_demo_service_new (g_getenv ("CIVICDESK_DEMO_DATA"));
  civic_demo_service_start_async (self->demo, cancellable, demo_started_cb, task);
}

gboolean
civic_application_try_demo_finish (CivicApplication  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign out */

static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          if (!remove_tree (child, error))
            return FALSE;
        }
      else if (g_unlink (child) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot remove %s: %s"), child, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (g_rmdir (path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot remove %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicApplication *self = g_task_get_source_object (task);
  CivicAccount *account = CIVIC_ACCOUNT (source);
  gboolean discard = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autofree char *dir = g_strdup (civic_account_get_dir (account));
  g_autoptr(GError) error = NULL;

  /* Without a keyring there is no token to forget. */
  if (!civic_account_sign_out_finish (account, result, &error))
    g_message ("Signed out, but the keyring said: %s", error->message);

  set_account (self, NULL);
  if (!self->demo_active)
    g_settings_set_string (self->settings, "username", "");

  if (discard)
    {
      g_autoptr(GError) remove_error = NULL;

      if (!remove_tree (dir, &remove_error))
        {
          g_task_return_error (task, g_steal_pointer (&remove_error));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * civic_application_sign_out_async:
 * @discard_work: also delete the offline copy and the work not yet sent
 *
 * Ends the session. Without @discard_work, the offline copy and pending
 * work stay on this computer for the official's next sign-in.
 */
void
civic_application_sign_out_async (CivicApplication    *self,
                                  gboolean             discard_work,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIVIC_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, civic_application_sign_out_async);
  g_task_set_task_data (task, GINT_TO_POINTER (discard_work), NULL);

  if (self->account == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  civic_account_sign_out_async (self->account, cancellable, signed_out_cb, task);
}

gboolean
civic_application_sign_out_finish (CivicApplication  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * civic_application_explain_error:
 *
 * Returns: (transfer full): what went wrong connecting, in words an
 * official can act on.
 */
char *
civic_application_explain_error (const GError *error)
{
  if (error->domain == CIVIC_API_ERROR)
    switch ((CivicApiError) error->code)
      {
      case CIVIC_API_ERROR_UNREACHABLE:
      case CIVIC_API_ERROR_TIMEOUT:
        return g_strdup_printf ("%s\n%s",
                                _("The service cannot be reached. Check the address and that this "
                                  "computer is connected; if it is, the service may be down for "
                                  "maintenance."), error->message);
      case CIVIC_API_ERROR_TLS:
        return g_strdup_printf ("%s\n%s",
                                _("The service’s certificate is not trusted, so the connection "
                                  "could be intercepted. If your province uses its own "
                                  "certificate authority, choose its certificate file below."),
                                error->message);
      case CIVIC_API_ERROR_WRONG_CREDENTIALS:
        return g_strdup (_("The user name or the password is wrong. After five failed attempts "
                           "from this computer, each further attempt must wait longer."));
      case CIVIC_API_ERROR_THROTTLED:
        return g_strdup_printf ("%s\n%s",
                                _("Too many failed attempts from this computer. Wait before "
                                  "trying again, or ask your administrator to set a new "
                                  "password."), error->message);
      case CIVIC_API_ERROR_ACCOUNT_DISABLED:
        return g_strdup (_("This account is disabled. Ask your administrator."));
      case CIVIC_API_ERROR_INVALID:
      case CIVIC_API_ERROR_NOT_FOUND:
      case CIVIC_API_ERROR_BAD_RESPONSE:
        return g_strdup_printf ("%s\n%s",
                                _("This address does not answer like a Civic Desk service. Check "
                                  "it with your administrator."), error->message);
      case CIVIC_API_ERROR_SERVER:
        return g_strdup_printf ("%s\n%s",
                                _("The service had a problem. Try again in a moment."),
                                error->message);
      default:
        break;
      }

  return g_strdup (error->message);
}

GSettings *
civic_application_get_settings (CivicApplication *self)
{
  g_return_val_if_fail (CIVIC_IS_APPLICATION (self), NULL);
  return self->settings;
}

CivicAccount *
civic_application_get_account (CivicApplication *self)
{
  g_return_val_if_fail (CIVIC_IS_APPLICATION (self), NULL);
  return self->account;
}

gboolean
civic_application_is_demo (CivicApplication *self)
{
  g_return_val_if_fail (CIVIC_IS_APPLICATION (self), FALSE);
  return self->demo_active;
}

/**
 * civic_application_is_demo_stopped:
 *
 * Returns: whether the demo is in use but its service has stopped (it was
 *   stopped, or it ended): a switch of role would start it again
 */
gboolean
civic_application_is_demo_stopped (CivicApplication *self)
{
  g_return_val_if_fail (CIVIC_IS_APPLICATION (self), FALSE);
  return self->demo_active && self->demo != NULL && !civic_demo_service_is_running (self->demo);
}

const char *
civic_application_get_demo_role (CivicApplication *self)
{
  g_return_val_if_fail (CIVIC_IS_APPLICATION (self), NULL);
  return self->demo_role;
}

/* Start-up */

static void
token_restored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CivicApplication) self = user_data;
  CivicAccount *account = CIVIC_ACCOUNT (source);
  g_autoptr(GError) error = NULL;

  if (!civic_account_restore_finish (account, result, &error) && error != NULL)
    g_message ("No session from the keyring: %s", error->message);

  if (account == self->account && civic_account_get_engine (account) != NULL)
    civic_sync_engine_sync_now (civic_account_get_engine (account));
}

/* The official who used this computer last: their offline copy opens at
 * once, whatever the network; the session follows from the keyring. */
static void
restore_last_account (CivicApplication *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "service-url");
  g_autofree char *username = g_settings_get_string (self->settings, "username");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "ca-file");
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (*url == '\0' || *username == '\0')
    return;

  account = civic_account_new (url, username, ca_file, &error);
  if (account == NULL)
    {
      g_warning ("The last account cannot be opened: %s", error->message);
      return;
    }
  if (!civic_account_is_ready (account))
    return;

  set_account (self, account);
  civic_account_restore_async (account, self->cancellable, token_restored_cb,
                               g_object_ref (self));
}

static void
demo_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!civic_application_try_demo_finish (CIVIC_APPLICATION (source), result, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (source));

      g_warning ("The demo did not start: %s", error->message);
      if (CIVIC_IS_WINDOW (window))
        civic_window_show_error (CIVIC_WINDOW (window), error);
    }
}

static void
civic_application_activate (GApplication *app)
{
  CivicApplication *self = CIVIC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (civic_window_new (self));

      if (self->start_demo)
        civic_application_try_demo_async (self, self->demo_role, self->cancellable,
                                          demo_ready_cb, NULL);
      else
        restore_last_account (self);
    }

  gtk_window_present (window);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CivicApplication *self = user_data;
  /* A copy: closing a window takes it off the application's list. */
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  /* Through the window, so its size is kept. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CivicApplication *self = user_data;
  static const char *developers[] = { "Civic Desk developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Civic Desk"),
                        "developer-name", _("Civic Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The desk of the officials of an online government "
                                      "service hall: licensing cases, hearings, disclosures "
                                      "and citizens’ messages — online and offline."),
                        "website", "https://github.com/civicdesk/civicdesk",
                        "issue-url", "https://github.com/civicdesk/civicdesk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CivicApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (civic_preferences_window_new (self));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (window);
}

static void
open_case_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CivicApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CIVIC_IS_WINDOW (window))
    civic_window_open_case (CIVIC_WINDOW (window), g_variant_get_string (parameter, NULL));
}

/* Any record a notification or a conflict names, by its kind */
static void
open_record_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CivicApplication *self = user_data;
  const char *type, *id;
  GtkWindow *window;

  g_variant_get (parameter, "(&s&s)", &type, &id);
  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CIVIC_IS_WINDOW (window))
    civic_window_open_record (CIVIC_WINDOW (window), type, id);
}

/* Stopped by the session or a terminal: quit as from the menu, so the
 * demo service stops and the window's size is kept. */
static gboolean
terminate_cb (gpointer data)
{
  g_action_group_activate_action (G_ACTION_GROUP (data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "open-case", open_case_activated, "s" },
  { "open-record", open_record_activated, "(ss)" },
};

static void
civic_application_startup (GApplication *app)
{
  CivicApplication *self = CIVIC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (civic_application_parent_class)->startup (app);
  civic_accessible_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  g_unix_signal_add (SIGTERM, terminate_cb, self);
  g_unix_signal_add (SIGINT, terminate_cb, self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
civic_application_shutdown (GApplication *app)
{
  CivicApplication *self = CIVIC_APPLICATION (app);

  set_account (self, NULL);
  /* The demo service goes with the application. */
  if (self->demo != NULL)
    civic_demo_service_stop (self->demo);

  G_APPLICATION_CLASS (civic_application_parent_class)->shutdown (app);
}

static int
civic_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  CivicApplication *self = CIVIC_APPLICATION (app);
  const char *role = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("civicdesk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "demo-role", "&s", &role))
    {
      if (!g_strv_contains (civic_demo_roles, role))
        {
          g_autofree char *roles = g_strjoinv (", ", (char **) civic_demo_roles);

          /* Translators: %s is a list of role names */
          g_printerr (_("Unknown demo role “%s”; one of: %s\n"), role, roles);
          return 1;
        }
      g_free (self->demo_role);
      self->demo_role = g_strdup (role);
      self->start_demo = TRUE;
    }

  if (g_variant_dict_contains (options, "demo"))
    self->start_demo = TRUE;

  return -1;
}

static void
civic_application_class_init (CivicApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = civic_application_dispose;
  object_class->finalize = civic_application_finalize;
  object_class->get_property = civic_application_get_property;

  /* The templates are in a static library: a reference to them keeps
   * them, and their constructor registers them. */
  g_assert (civicdesk_get_resource () != NULL);

  app_class->activate = civic_application_activate;
  app_class->startup = civic_application_startup;
  app_class->shutdown = civic_application_shutdown;
  app_class->handle_local_options = civic_application_handle_local_options;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, CIVIC_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
civic_application_init (CivicApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start the bundled demo service and sign in to it"), NULL },
    { "demo-role", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The demo official to sign in as: clerk, examiner, approver, officer (hearings) or "
         "supervisor"),
      N_("ROLE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL },
  };

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->demo_role = g_settings_get_string (self->settings, "demo-role");

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

CivicApplication *
civic_application_new (void)
{
  return g_object_new (CIVIC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/civicdesk/CivicDesk",
                       NULL);
}
