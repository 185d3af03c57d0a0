/* civic-window.c — the main window: sidebar of queues, inbox, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-application.h"
#include "civic-case-index.h"
#include "civic-conflicts-view.h"
#include "civic-disclosures-view.h"
#include "civic-hearings-view.h"
#include "civic-accounts-view.h"
#include "civic-calendars-view.h"
#include "civic-keys-view.h"
#include "civic-templates-view.h"
#include "civic-rooms-view.h"
#include "civic-catalogue-view.h"
#include "civic-evaluations-view.h"
#include "civic-supervision-view.h"
#include "civic-messages-view.h"
#include "civic-inbox-view.h"
#include "civic-sync-indicator.h"
#include "civic-toast.h"
#include "civic-welcome-page.h"
#include "civic-password-dialog.h"
#include "civic-window.h"

/* Welcome, until an official is signed in; then a sidebar | content
 * leaflet: the queues of the inbox with their counts, and Conflicts. The
 * sections of later issues (hearings, disclosures, messages) appear when
 * they work; Disclosures only for the organ's disclosure staff and
 * supervisors. */

struct _CivicWindow
{
  AdwApplicationWindow  parent_instance;

  /* The password typed to sign in again, until the service answers */
  char                 *typed;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  CivicWelcomePage     *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar;
  GtkListBoxRow        *mine_row;
  GtkListBoxRow        *department_row;
  GtkListBoxRow        *watching_row;
  GtkListBoxRow        *done_row;
  GtkListBoxRow        *all_row;
  GtkListBoxRow        *hearings_row;
  GtkListBoxRow        *disclosures_row;
  GtkListBoxRow        *messages_row;
  GtkListBoxRow        *evaluations_row;
  GtkListBoxRow        *supervision_row;
  GtkListBoxRow        *catalogue_row;
  GtkListBoxRow        *accounts_row;
  GtkListBoxRow        *rooms_row;
  GtkListBoxRow        *calendars_row;
  GtkListBoxRow        *templates_row;
  GtkListBoxRow        *keys_row;
  GtkListBoxRow        *conflicts_row;
  GtkLabel             *mine_count;
  GtkLabel             *department_count;
  GtkLabel             *watching_count;
  GtkLabel             *done_count;
  GtkLabel             *all_count;
  GtkLabel             *hearings_count;
  GtkLabel             *disclosures_count;
  GtkLabel             *messages_count;
  GtkLabel             *evaluations_count;
  GtkLabel             *supervision_count;
  GtkLabel             *catalogue_count;
  GtkLabel             *conflicts_count;
  GtkStack             *content_stack;
  CivicInboxView       *inbox_view;
  CivicHearingsView    *hearings_view;
  CivicDisclosuresView *disclosures_view;
  CivicMessagesView    *messages_view;
  CivicEvaluationsView *evaluations_view;
  CivicSupervisionView *supervision_view;
  CivicCatalogueView   *catalogue_view;
  CivicAccountsView    *accounts_view;
  CivicRoomsView       *rooms_view;
  CivicCalendarsView   *calendars_view;
  CivicTemplatesView   *templates_view;
  CivicKeysView        *keys_view;
  CivicConflictsView   *conflicts_view;
  guint                 attached;      /* the views given the engine, by bit (section_view()) */
  guint                 attach_tick;
  guint                 attach_source;
  CivicSyncIndicator   *sync_indicator;
  GtkRevealer          *acting_revealer;
  GtkLabel             *acting_label;
  GMenu                *acting_section;
  char                 *acting_shown;   /* what the menu offers now, to tell a change */

  CivicApplication     *application;
  CivicSyncEngine      *engine;        /* the signed-in official's; the views bind to it */
  GSignalGroup         *engine_signals;
  GCancellable         *cancellable;
  guint                 counts_source;
  guint                 n_conflicts;   /* as last seen: a new one is told */
  gboolean              switching_demo;
  gboolean              restarting_demo;  /* on the official's word */
  gboolean              leaving;          /* sending before a switch or a sign-out */
};

G_DEFINE_FINAL_TYPE (CivicWindow, civic_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static const struct
{
  const char      *name;
  CivicInboxQueue  queue;
} queues[] = {
  { "mine", CIVIC_INBOX_MINE },
  { "department", CIVIC_INBOX_DEPARTMENT },
  { "watching", CIVIC_INBOX_WATCHING },
  { "done", CIVIC_INBOX_DONE },
  { "all", CIVIC_INBOX_ALL },
};

/* The sidebar's row of queues[@i] */
static GtkListBoxRow *
queue_row (CivicWindow *self,
           guint        i)
{
  GtkListBoxRow *rows[] = { self->mine_row, self->department_row, self->watching_row,
                            self->done_row, self->all_row };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (queues));
  return rows[i];
}

/* Toasts */

/* A view's "add-toast" (civic-toast.h): the window shows it. */
static void
view_add_toast_cb (CivicWindow *self,
                   AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

void
civic_window_show_error (CivicWindow  *self,
                         const GError *error)
{
  g_return_if_fail (CIVIC_IS_WINDOW (self));

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "welcome"))
    civic_welcome_page_show_error (self->welcome_page, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, civic_toast_new (error->message));
}

/* Counts */

/* The count beside a section's title, and the row named by both: the
 * title is the label before the count. */
static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("");
  GtkWidget *title = gtk_widget_get_prev_sibling (GTK_WIDGET (label));
  g_autofree char *name = NULL;

  gtk_label_set_label (label, text);
  /* Translators: a section of the sidebar as a screen reader says it,
   * with how many it holds: "My Tasks, 16" */
  name = count > 0 ? g_strdup_printf (_("%s, %u"), gtk_label_get_label (GTK_LABEL (title)), count)
                   : g_strdup (gtk_label_get_label (GTK_LABEL (title)));
  civic_accessible_set_name (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_LIST_BOX_ROW),
                             name);
}

static void update_acting (CivicWindow *self);

static gboolean
update_counts_cb (gpointer data)
{
  CivicWindow *self = data;
  GtkLabel *labels[] = { self->mine_count, self->department_count, self->watching_count,
                         self->done_count, self->all_count };

  self->counts_source = 0;
  if (self->engine == NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    {
      CivicInboxFilter filter = { queues[i].queue, NULL, NULL, NULL, NULL, -1, NULL,
                                  CIVIC_INBOX_SORT_DUE };

      set_count (labels[i], civic_cache_count_cases (civic_sync_engine_get_cache (self->engine),
                                                     &filter, NULL));
    }
  set_count (self->hearings_count, civic_hearings_view_get_n_to_schedule (self->hearings_view));
  set_count (self->disclosures_count,
             civic_disclosures_view_get_n_to_do (self->disclosures_view));
  set_count (self->messages_count, civic_messages_view_get_n_to_do (self->messages_view));
  set_count (self->evaluations_count,
             civic_evaluations_view_get_n_to_do (self->evaluations_view));
  set_count (self->supervision_count,
             civic_supervision_view_get_n_to_do (self->supervision_view));
  set_count (self->catalogue_count, civic_catalogue_view_get_n_to_do (self->catalogue_view));
  set_count (self->conflicts_count, civic_sync_engine_get_conflicts (self->engine));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_row),
                          civic_sync_engine_get_conflicts (self->engine) > 0 ||
                          gtk_list_box_get_selected_row (self->sidebar) == self->conflicts_row);
  /* A window granted or ended comes with the users directory */
  update_acting (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_counts (CivicWindow *self)
{
  if (self->counts_source == 0)
    self->counts_source = g_timeout_add (250, update_counts_cb, self);
}

/* The account */

static void show_section (CivicWindow   *self,
                          GtkListBoxRow *row);
static void show_queue (CivicWindow     *self,
                        CivicInboxQueue  queue);

static void
update_actions (CivicWindow *self)
{
  gboolean signed_in = self->engine != NULL;
  gboolean demo = civic_application_is_demo (self->application);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now", signed_in);
  /* The cases' search, where the sidebar offers the inbox */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 signed_in && gtk_widget_get_visible (GTK_WIDGET (self->all_row)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-queue", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.case-action", signed_in);
  /* One way out at a time */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 signed_in && !self->leaving && !self->switching_demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in-again",
                                 signed_in && !self->switching_demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo-role",
                                 signed_in && demo && !self->leaving && !self->switching_demo);
}

/* Acting for another official (委托): the main menu offers whom one may
 * act for today, and a bar above the sections says whom one acts for */

static void account_changed_cb (CivicWindow *self);

static void
update_acting (CivicWindow *self)
{
  CivicAccount *account = civic_application_get_account (self->application);
  g_autoptr(GPtrArray) principals = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  const CivicDelegation *window = NULL;
  const CivicActor *principal = NULL;

  if (account == NULL || !civic_account_is_ready (account))
    {
      g_clear_pointer (&self->acting_shown, g_free);
      g_menu_remove_all (self->acting_section);
      gtk_widget_set_visible (GTK_WIDGET (self->acting_revealer), FALSE);
      gtk_revealer_set_reveal_child (self->acting_revealer, FALSE);
      return;
    }

  /* Counted after every sync: the menu is made again only when what it
   * offers changed, so an open menu and the window stay as they are */
  principals = civic_account_list_principals (account);
  principal = civic_account_get_acting_for (account, &window);
  g_string_append (shown, principal != NULL ? principal->id : "-");
  for (guint i = 0; i < principals->len; i++)
    {
      CivicActingFor *acting = g_ptr_array_index (principals, i);

      g_string_append_printf (shown, "|%s|%s|%u", acting->principal->id, acting->principal->name,
                              (guint) acting->window->ends_on);
    }
  if (g_strcmp0 (shown->str, self->acting_shown) == 0)
    return;
  g_free (self->acting_shown);
  self->acting_shown = g_strdup (shown->str);

  g_menu_remove_all (self->acting_section);
  for (guint i = 0; i < principals->len; i++)
    {
      CivicActingFor *acting = g_ptr_array_index (principals, i);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (principal != NULL && g_strcmp0 (principal->id, acting->principal->id) == 0)
        continue;
      /* Translators: a menu item: act for the official named, within a delegation */
      label = g_strdup_printf (_("Act for %s"), acting->principal->name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.act-for", "s", acting->principal->id);
      g_menu_append_item (self->acting_section, item);
    }

  if (principal != NULL)
    {
      g_autofree char *label = NULL, *until = NULL, *bar = NULL;
      g_autoptr(GMenuItem) item = NULL;
      gboolean still = FALSE;

      for (guint i = 0; i < principals->len; i++)
        still |= g_strcmp0 (((CivicActingFor *) g_ptr_array_index (principals, i))->principal->id,
                            principal->id) == 0;
      if (!still)
        {
          /* The window ended, or today is past its last day: as oneself
           * again, and said so */
          g_autofree char *over = g_strdup_printf (_("You no longer act for %s: the delegation is "
                                                     "over"), principal->name);

          civic_account_act_for (account, NULL, NULL);
          adw_toast_overlay_add_toast (self->toast_overlay, civic_toast_new (over));
          account_changed_cb (self);
          g_signal_emit_by_name (self->engine, "cases-changed");
          return;
        }

      /* Translators: a menu item: stop acting for the official named */
      label = g_strdup_printf (_("Stop Acting for %s"), principal->name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.act-for", "s", "");
      g_menu_prepend_item (self->acting_section, item);

      until = civic_day_format (window->ends_on);
      /* Translators: the bar above the sections: "Acting for 张三 until 2026-03-27" */
      bar = g_strdup_printf (_("Acting for %s until %s"), principal->name, until);
      gtk_label_set_label (self->acting_label, bar);
    }
  /* Hidden, not only folded away: assistive technologies read what is
   * visible, and a folded revealer's child still is */
  gtk_widget_set_visible (GTK_WIDGET (self->acting_revealer), principal != NULL);
  gtk_revealer_set_reveal_child (self->acting_revealer, principal != NULL);
}

static void
act_for_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);
  CivicAccount *account = civic_application_get_account (self->application);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  const CivicActor *principal;
  g_autofree char *told = NULL;

  if (account == NULL || self->engine == NULL)
    return;
  if (!civic_account_act_for (account, *id != '\0' ? id : NULL, &error))
    {
      civic_window_show_error (self, error);
      return;
    }

  principal = civic_account_get_acting_for (account, NULL);
  if (principal != NULL)
    /* Translators: a toast, once the official chose to act for another */
    told = g_strdup_printf (_("You act for %s: what you do now is recorded as done for them"),
                            principal->name);
  else
    told = g_strdup (_("You act as yourself again"));
  adw_toast_overlay_add_toast (self->toast_overlay, civic_toast_new (told));

  /* Their tasks, their roles' sections: every view reads again */
  account_changed_cb (self);
  g_signal_emit_by_name (self->engine, "cases-changed");
}

/* The sections' views other than the inbox. Each is given the engine,
 * and so reads its records, when it is first shown, or after the first
 * frame, one an idle turn, for the sidebar's counts: nothing but the
 * inbox stands between the start and its first rows. */
static GtkWidget *
section_view (CivicWindow *self,
              guint        i)
{
  GtkWidget *views[] = {
    GTK_WIDGET (self->hearings_view), GTK_WIDGET (self->disclosures_view),
    GTK_WIDGET (self->messages_view), GTK_WIDGET (self->evaluations_view),
    GTK_WIDGET (self->supervision_view), GTK_WIDGET (self->catalogue_view),
    GTK_WIDGET (self->accounts_view), GTK_WIDGET (self->rooms_view),
    GTK_WIDGET (self->calendars_view), GTK_WIDGET (self->templates_view),
    GTK_WIDGET (self->keys_view), GTK_WIDGET (self->conflicts_view),
  };

  return i < G_N_ELEMENTS (views) ? views[i] : NULL;
}

static void
attach_view (CivicWindow *self,
             GtkWidget   *view)
{
  GtkWidget *each;

  if (self->engine == NULL)
    return;
  for (guint i = 0; (each = section_view (self, i)) != NULL; i++)
    if (each == view && !(self->attached & (1u << i)))
      {
        self->attached |= 1u << i;
        g_object_set (view, "engine", self->engine, NULL);
        schedule_counts (self);
      }
}

static gboolean
attach_next_cb (gpointer data)
{
  CivicWindow *self = data;
  GtkWidget *view;

  for (guint i = 0; (view = section_view (self, i)) != NULL; i++)
    if (!(self->attached & (1u << i)))
      {
        attach_view (self, view);
        return G_SOURCE_CONTINUE;
      }
  self->attach_source = 0;
  return G_SOURCE_REMOVE;
}

/* Called as a frame begins: the idle turns come once it is drawn */
static gboolean
attach_after_frame_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  CivicWindow *self = CIVIC_WINDOW (widget);

  self->attach_tick = 0;
  if (self->attach_source == 0)
    self->attach_source = g_idle_add_full (G_PRIORITY_LOW, attach_next_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
visible_section_changed_cb (CivicWindow *self)
{
  attach_view (self, gtk_stack_get_visible_child (self->content_stack));
}

static void
detach_views (CivicWindow *self)
{
  GtkWidget *view;

  g_clear_handle_id (&self->attach_source, g_source_remove);
  if (self->attach_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->attach_tick);
  self->attach_tick = 0;
  for (guint i = 0; (view = section_view (self, i)) != NULL; i++)
    if (self->attached & (1u << i))
      g_object_set (view, "engine", NULL, NULL);
  self->attached = 0;
}

static void
account_changed_cb (CivicWindow *self)
{
  CivicAccount *account = civic_application_get_account (self->application);
  CivicSyncEngine *engine = account && civic_account_is_ready (account)
                            ? civic_account_get_engine (account) : NULL;

  /* The inbox, bound to the property in the template, follows; the
   * other sections as they are shown (attach_view()). */
  if (g_set_object (&self->engine, engine))
    {
      /* What was refused before is in the sidebar; only a new refusal is
       * told */
      self->n_conflicts = engine ? civic_sync_engine_get_conflicts (engine) : 0;
      g_signal_group_set_target (self->engine_signals, engine);
      detach_views (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
      if (engine != NULL)
        {
          attach_view (self, gtk_stack_get_visible_child (self->content_stack));
          self->attach_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                            attach_after_frame_cb, NULL, NULL);
        }
    }

  update_acting (self);
  if (engine != NULL)
    {
      /* Whom the rules see: the official, or whom they act for */
      const CivicActor *actor = civic_cache_get_me (civic_sync_engine_get_cache (engine));
      g_autofree char *roles = civic_roles_to_string (actor->roles);
      /* Translators: the official's name, then their roles */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), actor->name, roles);

      adw_window_title_set_subtitle (self->sidebar_title, subtitle);
      /* Counted once the inbox is drawn: the counts can wait a frame, the
       * first cases cannot. */
      g_clear_handle_id (&self->counts_source, g_source_remove);
      self->counts_source = g_idle_add_full (G_PRIORITY_LOW, update_counts_cb, self, NULL);
      /* Nothing is ever a supervisor's task, and the queues of those
       * who work on cases, always empty for them, are not shown; nor is
       * the inbox of all cases: their feed does not carry the province's
       * (civic-feed.c), they open a case from Supervision's lists. */
      {
        gboolean casework = civic_actor_has_role (actor, CIVIC_ROLES_CASEWORK);
        gboolean supervising = !casework && civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR);

        for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
          gtk_widget_set_visible (GTK_WIDGET (queue_row (self, i)),
                                  queues[i].queue != CIVIC_INBOX_ALL ? casework : !supervising);
        if (!casework)
          show_queue (self, CIVIC_INBOX_ALL);
        gtk_widget_set_visible (GTK_WIDGET (self->disclosures_row),
                                civic_disclosures_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->messages_row),
                                civic_messages_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->evaluations_row),
                                civic_evaluations_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->supervision_row),
                                civic_supervision_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->catalogue_row),
                                civic_catalogue_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->accounts_row),
                                civic_accounts_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->rooms_row), civic_rooms_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->calendars_row),
                                civic_calendars_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->templates_row),
                                civic_templates_view_shown_to (actor));
        gtk_widget_set_visible (GTK_WIDGET (self->keys_row), civic_keys_view_shown_to (actor));
        /* The organ's disclosure staff work there, not on cases; the
         * complaint handlers and the hall's dispatch on messages */
        /* A supervisor's work is the hall's clocks */
        if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
          show_section (self, self->supervision_row);
        else if (!casework && civic_actor_has_role (actor, CIVIC_ROLES_DISCLOSURE))
          show_section (self, self->disclosures_row);
        else if (!casework && civic_actor_has_role (actor, CIVIC_ROLES_MESSAGES))
          show_section (self, self->messages_row);
        else if (!casework && civic_actor_has_role (actor, CIVIC_ROLES_CATALOGUE))
          show_section (self, self->catalogue_row);
        else if (!casework && civic_accounts_view_shown_to (actor))
          show_section (self, self->accounts_row);
      }
      gtk_stack_set_visible_child_name (self->stack, "main");
    }
  else
    {
      adw_window_title_set_subtitle (self->sidebar_title, "");
      civic_welcome_page_reset (self->welcome_page);
      gtk_stack_set_visible_child_name (self->stack, "welcome");
    }

  update_actions (self);
}

/* Navigation */

static void
show_queue (CivicWindow     *self,
            CivicInboxQueue  queue)
{
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    if (queues[i].queue == queue)
      {
        gtk_list_box_select_row (self->sidebar, queue_row (self, i));
        g_settings_set_string (civic_application_get_settings (self->application), "last-queue",
                               queues[i].name);
      }

  gtk_stack_set_visible_child_name (self->content_stack, "inbox");
  civic_inbox_view_set_queue (self->inbox_view, queue);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_conflicts (CivicWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_row), TRUE);
  gtk_list_box_select_row (self->sidebar, self->conflicts_row);
  gtk_stack_set_visible_child_name (self->content_stack, "conflicts");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_hearings (CivicWindow *self)
{
  gtk_list_box_select_row (self->sidebar, self->hearings_row);
  gtk_stack_set_visible_child_name (self->content_stack, "hearings");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A section of the sidebar's, by its row, whose name is its page's: only
 * when the row is shown to this official (the organ's disclosure staff,
 * those who work on messages, the catalogue's staff, administrators;
 * supervisors where they read) */
static void
show_section (CivicWindow   *self,
              GtkListBoxRow *row)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (row)))
    return;
  gtk_list_box_select_row (self->sidebar, row);
  gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_row_activated_cb (CivicWindow   *self,
                          GtkListBoxRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_str_equal (name, "conflicts"))
    {
      show_conflicts (self);
      return;
    }
  if (g_str_equal (name, "hearings"))
    {
      show_hearings (self);
      return;
    }
  {
    GtkListBoxRow *sections[] = { self->disclosures_row, self->messages_row,
                                  self->evaluations_row, self->supervision_row,
                                  self->catalogue_row,
                                  self->accounts_row, self->rooms_row,
                                  self->calendars_row, self->templates_row,
                                  self->keys_row };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      if (sections[i] == row)
        {
          show_section (self, row);
          return;
        }
  }

  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    /* A queue not shown to this official is not opened by its key */
    if (g_str_equal (name, queues[i].name) &&
        gtk_widget_get_visible (GTK_WIDGET (queue_row (self, i))))
      show_queue (self, queues[i].queue);
}

void
civic_window_open_case (CivicWindow *self,
                        const char  *case_id)
{
  g_return_if_fail (CIVIC_IS_WINDOW (self));

  if (self->engine == NULL)
    return;
  gtk_stack_set_visible_child_name (self->content_stack, "inbox");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  civic_inbox_view_open_case (self->inbox_view, case_id);
}

static void
show_record (CivicWindow *self,
             const char  *type,
             const char  *id)
{
  if (g_strcmp0 (type, CIVIC_ENTITY_CASE) == 0)
    civic_window_open_case (self, id);
  else if (g_strcmp0 (type, CIVIC_ENTITY_HEARING) == 0 && self->engine != NULL)
    {
      show_hearings (self);
      civic_hearings_view_open_hearing (self->hearings_view, id);
    }
  else if (g_strcmp0 (type, CIVIC_ENTITY_DISCLOSURE) == 0 && self->engine != NULL &&
           gtk_widget_get_visible (GTK_WIDGET (self->disclosures_row)))
    {
      show_section (self, self->disclosures_row);
      civic_disclosures_view_open_disclosure (self->disclosures_view, id);
    }
  else if (g_strcmp0 (type, CIVIC_ENTITY_DISCLOSURE_REQUEST) == 0 && self->engine != NULL &&
           gtk_widget_get_visible (GTK_WIDGET (self->disclosures_row)))
    {
      show_section (self, self->disclosures_row);
      civic_disclosures_view_open_request (self->disclosures_view, id);
    }
  else if (g_strcmp0 (type, CIVIC_ENTITY_MESSAGE) == 0 && self->engine != NULL &&
           gtk_widget_get_visible (GTK_WIDGET (self->messages_row)))
    {
      show_section (self, self->messages_row);
      civic_messages_view_open_message (self->messages_view, id);
    }
  else if (g_strcmp0 (type, CIVIC_ENTITY_EVALUATION) == 0 && self->engine != NULL &&
           gtk_widget_get_visible (GTK_WIDGET (self->evaluations_row)))
    {
      show_section (self, self->evaluations_row);
      civic_evaluations_view_open (self->evaluations_view, id);
    }
  else if (g_strcmp0 (type, CIVIC_ENTITY_WARNING) == 0 && self->engine != NULL &&
           gtk_widget_get_visible (GTK_WIDGET (self->supervision_row)))
    {
      show_section (self, self->supervision_row);
      civic_supervision_view_open_card (self->supervision_view, id);
    }
}

typedef struct
{
  CivicWindow *self;
  char        *type;
  char        *id;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->self);
  g_free (opening->type);
  g_free (opening->id);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

static void
record_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(GError) error = NULL;

  if (!civic_sync_engine_read_record_finish (CIVIC_SYNC_ENGINE (source), result, &error))
    {
      g_autofree char *told = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: a toast when a record opened from Supervision could
       * not be read from the service; its copy kept from the last time,
       * if any, is shown */
      told = g_strdup_printf (_("Could not read it from the service: %s"), error->message);
      adw_toast_overlay_add_toast (opening->self->toast_overlay, civic_toast_new (told));
    }
  /* Unless the official signed out meanwhile */
  if (opening->self->engine == CIVIC_SYNC_ENGINE (source))
    show_record (opening->self, opening->type, opening->id);
}

/* A supervisor's feed does not carry the province's records, only their
 * cards (docs/plans/supervision.md, decision 6): what they open is read
 * from the service first, each time */
static gboolean
reads_online (CivicWindow *self,
              const char  *type)
{
  const CivicActor *actor = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));

  return civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR) &&
         g_strcmp0 (type, CIVIC_ENTITY_WARNING) != 0;
}

/**
 * civic_window_open_record:
 * @type: an entity type (civic-entity.h)
 *
 * Shows the record in the section of its kind; a kind without a section
 * in this window is not opened. A record the official's feed does not
 * carry is read from the service first, and kept for reading offline.
 */
void
civic_window_open_record (CivicWindow *self,
                          const char  *type,
                          const char  *id)
{
  Opening *opening;

  g_return_if_fail (CIVIC_IS_WINDOW (self));
  g_return_if_fail (type != NULL && id != NULL);

  if (self->engine == NULL || !reads_online (self, type))
    {
      show_record (self, type, id);
      return;
    }
  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->type = g_strdup (type);
  opening->id = g_strdup (id);
  civic_sync_engine_read_record_async (self->engine, type, id, self->cancellable,
                                       record_read_cb, opening);
}

/* Actions */

static void
sync_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);

  if (self->engine != NULL)
    civic_sync_engine_sync_now (self->engine);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "inbox");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  civic_inbox_view_focus_search (self->inbox_view);
}

static void
show_queue_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (g_str_equal (name, "conflicts"))
    {
      show_conflicts (self);
      return;
    }
  if (g_str_equal (name, "hearings"))
    {
      show_hearings (self);
      return;
    }
  if (g_str_equal (name, "disclosures"))
    {
      show_section (self, self->disclosures_row);
      return;
    }
  if (g_str_equal (name, "messages"))
    {
      show_section (self, self->messages_row);
      return;
    }
  if (g_str_equal (name, "ratings"))
    {
      show_section (self, self->evaluations_row);
      return;
    }
  if (g_str_equal (name, "supervision") &&
      gtk_widget_get_visible (GTK_WIDGET (self->supervision_row)))
    {
      show_section (self, self->supervision_row);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    if (g_str_equal (name, queues[i].name))
      show_queue (self, queues[i].queue);
}

static void
case_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);
  CivicAction action;

  if (self->engine == NULL ||
      !civic_action_from_string (g_variant_get_string (parameter, NULL), &action))
    return;
  /* Only on the case in front of the official. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "inbox") != 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, civic_toast_new (_("Choose a case first")));
      return;
    }
  civic_inbox_view_start_action (self->inbox_view, action);
}

static void
show_sidebar_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CivicWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!civic_application_sign_out_finish (CIVIC_APPLICATION (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A toast's title is markup: a name with “&” must not blank it. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 4);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Leaving an account: signing out, or switching the demo's role. Actions
 * not yet sent are named first, as Evolution's Outbox does, with the
 * choice to send them now or keep them for the next sign-in; colleagues
 * see the old state until they are sent. A stopped demo service is started
 * again only when the official says so. */

typedef struct
{
  CivicWindow *self;
  char        *role;       /* the demo role to switch to; NULL to sign out */
  guint        conflicts;  /* refused before sending */
} Leave;

static Leave *
leave_new (CivicWindow *self,
           const char  *role)
{
  Leave *leave = g_new0 (Leave, 1);

  leave->self = g_object_ref (self);
  leave->role = g_strdup (role);
  return leave;
}

static void
leave_free (Leave *leave)
{
  g_object_unref (leave->self);
  g_free (leave->role);
  g_free (leave);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Leave, leave_free)

static void
leave_free_closure (gpointer  data,
                    GClosure *closure)
{
  leave_free (data);
}

static void
switch_role (CivicWindow *self,
             const char  *role,
             gboolean     restarting);

static void
start_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Leave            *leave)
{
  if (g_str_equal (response, "start"))
    switch_role (leave->self, leave->role, TRUE);
}

/* The switch itself, once nothing unsent stands in the way */
static void
leave_go (Leave *leave)
{
  CivicWindow *self = leave->self;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* A switch already under way is the one that counts */
  if (self->switching_demo)
    return;
  if (leave->role == NULL)
    {
      civic_application_sign_out_async (self->application, FALSE, self->cancellable,
                                        signed_out_cb, g_object_ref (self));
      return;
    }
  if (!civic_application_is_demo_stopped (self->application))
    {
      switch_role (self, leave->role, FALSE);
      return;
    }

  /* Translators: %s is a demo official's role, "Approver" */
  body = g_strdup_printf (_("The demo service has stopped. Signing in as %s needs it running."),
                          civic_demo_role_get_label (leave->role));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Start the Demo Service Again?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "start", _("_Start and Switch"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (start_response_cb),
                         leave_new (self, leave->role), leave_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
leave_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Leave) leave = user_data;
  CivicSyncEngine *engine = CIVIC_SYNC_ENGINE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;
  guint pending;

  if (!civic_sync_engine_sync_finish (engine, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  leave->self->leaving = FALSE;
  update_actions (leave->self);
  if (leave->self->engine != engine)
    return;  /* signed out meanwhile */

  pending = civic_sync_engine_get_pending (engine);
  if (pending == 0 && civic_sync_engine_get_conflicts (engine) <= leave->conflicts)
    {
      leave_go (leave);
      return;
    }
  /* A refusal is told by its own toast, with the way to it. */
  if (pending == 0)
    return;
  text = error != NULL
         /* Translators: %s says why, as the sync indicator does */
         ? g_strdup_printf (_("Not sent: %s. The actions are kept on this computer; nothing was "
                              "switched."), error->message)
         : g_strdup (_("Not sent yet. The actions are kept on this computer; nothing was "
                       "switched."));
  toast = civic_toast_new (text);
  /* Two sentences the official must read before choosing again */
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (leave->self->toast_overlay, toast);
}

static void
unsent_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Leave            *leave)
{
  CivicWindow *self = leave->self;

  if (g_str_equal (response, "send") && self->engine != NULL)
    {
      Leave *sending = leave_new (self, leave->role);

      sending->conflicts = civic_sync_engine_get_conflicts (self->engine);
      self->leaving = TRUE;
      update_actions (self);
      civic_outbox_retry_all_now (civic_sync_engine_get_outbox (self->engine), NULL);
      civic_sync_engine_sync_async (self->engine, self->cancellable, leave_sent_cb, sending);
    }
  else if (g_str_equal (response, "keep"))
    leave_go (leave);
  else if (g_str_equal (response, "discard"))
    civic_application_sign_out_async (self->application, TRUE, self->cancellable, signed_out_cb,
                                      g_object_ref (self));
}

/* Asks what becomes of the work not sent or refused, if there is any;
 * else goes on. */
static void
leave_account (CivicWindow *self,
               const char  *role)
{
  guint pending = self->engine ? civic_sync_engine_get_pending (self->engine) : 0;
  guint conflicts = self->engine ? civic_sync_engine_get_conflicts (self->engine) : 0;
  g_autoptr(Leave) leave = leave_new (self, role);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (pending > 0)
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Action Not Sent",
                                              "%u Actions Not Sent", pending), pending);
      body = g_strdup (role != NULL
                       ? _("Colleagues see these cases as they were until the service has your "
                           "actions. Send them now, or keep them on this computer: they are sent "
                           "when you sign in here as this official again.")
                       : _("Colleagues see these cases as they were until the service has your "
                           "actions. Send them now, or keep them on this computer: they are sent "
                           "when you sign in here again. Discarding them cannot be undone."));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
      if (role == NULL)
        {
          adw_message_dialog_add_response (dialog, "discard", _("_Discard"));
          adw_message_dialog_set_response_appearance (dialog, "discard",
                                                      ADW_RESPONSE_DESTRUCTIVE);
        }
      adw_message_dialog_add_responses (dialog, "keep", _("_Keep for Later"),
                                        "send", _("Send _Now"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "send", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "send");
    }
  else if (conflicts > 0 && role == NULL)
    {
      /* Work that exists nowhere else is never thrown away without the
       * official saying so, in so many words. */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of your actions was refused by the service and "
                                           "waits in Conflicts. If you sign out and keep it, it "
                                           "waits there when you sign in again on this computer. "
                                           "Discarding it cannot be undone.",
                                           "%u of your actions were refused by the service and "
                                           "wait in Conflicts. If you sign out and keep them, they "
                                           "wait there when you sign in again on this computer. "
                                           "Discarding them cannot be undone.", conflicts),
                              conflicts);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Sign Out With Work Not Sent?"),
                                                           body));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard Work and Sign Out"),
                                        "keep", _("_Keep Work and Sign Out"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  else if (role == NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Sign Out?"),
                                                           _("The offline copy of your cases stays "
                                                             "on this computer for your next "
                                                             "sign-in.")));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "keep", _("_Sign Out"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  else
    {
      leave_go (leave);
      return;
    }

  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (unsent_response_cb),
                         g_steal_pointer (&leave), leave_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  leave_account (CIVIC_WINDOW (widget), NULL);
}

static void
sign_in_failed_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CivicWindow      *self)
{
  if (g_str_equal (response, "retry"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-in-again", NULL);
}

static void
forget_typed (CivicWindow *self)
{
  if (self->typed != NULL)
    memset (self->typed, 0, strlen (self->typed));
  g_clear_pointer (&self->typed, g_free);
}

static void signed_in_again_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data);

/* After a sign-in with a password an administrator set: the official
 * chooses their own, and is signed in with it */
static void
choose_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CivicWindow      *self)
{
  g_autofree char *chosen = civic_password_dialog_dup_chosen (dialog);

  if (g_str_equal (response, "choose") && chosen != NULL && self->typed != NULL)
    civic_application_choose_password_async (self->application, self->typed, chosen,
                                             self->cancellable, signed_in_again_cb,
                                             g_object_ref (self));
  else
    {
      civic_application_abandon_password_choice (self->application);
      forget_typed (self);
    }
  if (chosen != NULL)
    memset (chosen, 0, strlen (chosen));
}

static void
signed_in_again_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CivicWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = g_task_get_source_tag (G_TASK (result)) == civic_application_choose_password_async
         ? civic_application_choose_password_finish (CIVIC_APPLICATION (source), result, &error)
         : civic_application_connect_finish (CIVIC_APPLICATION (source), result, &error);
  if (!done && g_error_matches (error, CIVIC_ACCOUNT_ERROR,
                                CIVIC_ACCOUNT_ERROR_PASSWORD_CHANGE_REQUIRED))
    {
      AdwMessageDialog *dialog = civic_password_dialog_new (GTK_WINDOW (self));

      g_signal_connect_object (dialog, "response", G_CALLBACK (choose_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  forget_typed (self);
  if (!done)
    {
      g_autofree char *text = NULL;

      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;  /* the window is closing */

      /* Said until read, not in a toast that goes by. */
      text = civic_application_explain_error (error);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Not Signed In"),
                                                           text));
      adw_message_dialog_add_responses (dialog, "close", _("_Close"), "retry", _("_Try Again"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "retry");
      adw_message_dialog_set_close_response (dialog, "close");
      g_signal_connect_object (dialog, "response", G_CALLBACK (sign_in_failed_response_cb), self,
                               0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, civic_toast_new (_("Signed in")));
}

/* @password: the dialog's own field */
static void
sign_in_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkEditable      *password)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  CivicWindow *self;
  CivicAccount *account;
  g_autofree char *ca_file = NULL;

  /* The window may have gone while the dialog was open */
  if (!g_str_equal (response, "sign-in") || !CIVIC_IS_WINDOW (parent))
    return;
  self = CIVIC_WINDOW (parent);
  account = civic_application_get_account (self->application);
  if (account == NULL)
    return;

  ca_file = g_settings_get_string (civic_application_get_settings (self->application), "ca-file");
  forget_typed (self);
  self->typed = g_strdup (gtk_editable_get_text (password));
  civic_application_connect_async (self->application, civic_account_get_service_url (account),
                                   civic_account_get_username (account), self->typed, ca_file,
                                   self->cancellable, signed_in_again_cb, g_object_ref (self));
}

static void demo_switched_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
sign_in_again_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CivicWindow *self = CIVIC_WINDOW (widget);
  CivicAccount *account = civic_application_get_account (self->application);
  AdwMessageDialog *dialog;
  GtkWidget *group, *row;
  g_autofree char *body = NULL;

  if (account == NULL)
    return;

  /* A demo official has no password to ask for: the demo signs in again. */
  if (civic_application_is_demo (self->application) &&
      g_strv_contains (civic_demo_roles, civic_account_get_username (account)))
    {
      self->switching_demo = TRUE;
      update_actions (self);
      civic_application_try_demo_async (self->application, civic_account_get_username (account),
                                        self->cancellable, demo_switched_cb, g_object_ref (self));
      return;
    }

  /* Translators: a user name, then a service's address */
  body = g_strdup_printf (_("Sign in as %s to %s to send and receive work."),
                          civic_account_get_username (account),
                          civic_account_get_service_url (account));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Sign In Again"), body));
  group = adw_preferences_group_new ();
  row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Password"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  civic_accessible_name_password_row (ADW_PASSWORD_ENTRY_ROW (row));
  civic_accessible_name_group (row, _("Sign-In Details"));
  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign-in", _("_Sign In"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-in", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sign-in");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (sign_in_response_cb), row);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
}

static void
demo_switched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CivicWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean restarted = self->restarting_demo;

  if (!civic_application_try_demo_finish (CIVIC_APPLICATION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window is closing */

  self->switching_demo = FALSE;
  self->restarting_demo = FALSE;
  update_actions (self);
  if (error != NULL)
    civic_window_show_error (self, error);
  else if (restarted)
    {
      AdwToast *toast = civic_toast_new (_("The demo service was started again"));

      /* Said as the window fills with another official's work: long
       * enough to be read (and found by a screen reader) after it */
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
switch_role (CivicWindow *self,
             const char  *role,
             gboolean     restarting)
{
  /* One switch at a time: each may start a service. */
  self->switching_demo = TRUE;
  self->restarting_demo = restarting;
  update_actions (self);
  civic_application_try_demo_async (self->application, role, self->cancellable, demo_switched_cb,
                                    g_object_ref (self));
}

static void
demo_role_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *role = g_variant_get_string (parameter, NULL);

  if (g_strv_contains (civic_demo_roles, role))
    leave_account (CIVIC_WINDOW (widget), role);
}

/* Size */

static gboolean
civic_window_close_request (GtkWindow *window)
{
  CivicWindow *self = CIVIC_WINDOW (window);
  GSettings *settings = civic_application_get_settings (self->application);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (civic_window_parent_class)->close_request (window);
}

static void
civic_window_dispose (GObject *object)
{
  CivicWindow *self = (CivicWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->counts_source, g_source_remove);
  detach_views (self);
  g_signal_group_set_target (self->engine_signals, NULL);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_WINDOW);

  G_OBJECT_CLASS (civic_window_parent_class)->dispose (object);
}

static void
civic_window_finalize (GObject *object)
{
  CivicWindow *self = (CivicWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine_signals);
  g_free (self->acting_shown);
  forget_typed (self);

  G_OBJECT_CLASS (civic_window_parent_class)->finalize (object);
}

static void
civic_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CivicWindow *self = CIVIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_window_class_init (CivicWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = civic_window_dispose;
  object_class->finalize = civic_window_finalize;
  object_class->get_property = civic_window_get_property;
  window_class->close_request = civic_window_close_request;

  /* The signed-in official's sync engine, or none: the views and the
   * sidebar's sync indicator are bound to it in the template. */
  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, CIVIC_TYPE_SYNC_ENGINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIVIC_TYPE_WELCOME_PAGE);
  g_type_ensure (CIVIC_TYPE_INBOX_VIEW);
  g_type_ensure (CIVIC_TYPE_CONFLICTS_VIEW);
  g_type_ensure (CIVIC_TYPE_CATALOGUE_VIEW);
  g_type_ensure (CIVIC_TYPE_ACCOUNTS_VIEW);
  g_type_ensure (CIVIC_TYPE_ROOMS_VIEW);
  g_type_ensure (CIVIC_TYPE_CALENDARS_VIEW);
  g_type_ensure (CIVIC_TYPE_TEMPLATES_VIEW);
  g_type_ensure (CIVIC_TYPE_KEYS_VIEW);
  g_type_ensure (CIVIC_TYPE_HEARINGS_VIEW);
  g_type_ensure (CIVIC_TYPE_SUPERVISION_VIEW);
  g_type_ensure (CIVIC_TYPE_DISCLOSURES_VIEW);
  g_type_ensure (CIVIC_TYPE_MESSAGES_VIEW);
  g_type_ensure (CIVIC_TYPE_EVALUATIONS_VIEW);
  g_type_ensure (CIVIC_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, mine_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, department_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, watching_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, done_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, all_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, hearings_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, disclosures_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, messages_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, evaluations_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, supervision_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, catalogue_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, accounts_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, rooms_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, calendars_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, templates_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, keys_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, conflicts_row);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, mine_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, department_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, watching_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, done_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, all_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, hearings_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, disclosures_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, messages_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, evaluations_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, supervision_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, catalogue_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, conflicts_count);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, inbox_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, hearings_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, disclosures_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, messages_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, evaluations_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, supervision_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, catalogue_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, rooms_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, calendars_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, templates_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, keys_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, conflicts_view);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, acting_revealer);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, acting_label);
  gtk_widget_class_bind_template_child (widget_class, CivicWindow, acting_section);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_add_toast_cb);

  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-queue", "s", show_queue_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_activated);
  gtk_widget_class_install_action (widget_class, "win.sign-in-again", NULL,
                                   sign_in_again_activated);
  gtk_widget_class_install_action (widget_class, "win.demo-role", "s", demo_role_activated);
  gtk_widget_class_install_action (widget_class, "win.act-for", "s", act_for_activated);
  gtk_widget_class_install_action (widget_class, "win.case-action", "s", case_action_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-queue", "s", "mine");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-queue", "s", "department");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-queue", "s", "watching");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-queue", "s", "done");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-queue", "s", "all");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-queue", "s", "conflicts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK, "win.show-queue", "s", "disclosures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_ALT_MASK, "win.show-queue", "s", "messages");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_ALT_MASK, "win.show-queue", "s", "ratings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-queue", "s", "supervision");
}

/* The case actions' shortcuts, caught before the focused widget sees them:
 * the list view takes Ctrl+Shift+A for “unselect all”. */
static void
add_case_shortcuts (CivicWindow *self)
{
  static const struct { guint key; const char *action; } shortcuts[] = {
    { GDK_KEY_C, "claim" },
    { GDK_KEY_A, "accept" },
    { GDK_KEY_O, "opinion" },
    { GDK_KEY_D, "decide" },
    { GDK_KEY_M, "comment" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                          gtk_named_action_new ("win.case-action"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (shortcuts[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The service refused an action the official took: said at once, with
 * the way to it, not only as a count in the sidebar. */
static void
conflicts_changed (CivicWindow *self)
{
  guint n = self->engine != NULL ? civic_sync_engine_get_conflicts (self->engine) : 0;

  if (n > self->n_conflicts)
    {
      guint added = n - self->n_conflicts;
      g_autofree char *text = g_strdup_printf (ngettext ("The service refused %u action",
                                                         "The service refused %u actions", added),
                                               added);
      AdwToast *toast = civic_toast_new (text);

      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-queue");
      adw_toast_set_action_target (toast, "s", "conflicts");
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  self->n_conflicts = n;
  schedule_counts (self);
}

/* Narrowed while reading a case: the case stays, not the sidebar. */
static void
window_folded_cb (CivicWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "inbox") == 0 &&
      civic_inbox_view_is_reading (self->inbox_view))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

static void
civic_window_init (CivicWindow *self)
{
  self->engine_signals = g_signal_group_new (CIVIC_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "cases-changed",
                                  G_CALLBACK (schedule_counts), self);
  g_signal_group_connect_swapped (self->engine_signals, "notify::conflicts",
                                  G_CALLBACK (conflicts_changed), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  add_case_shortcuts (self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (window_folded_cb), self);
  g_signal_connect_swapped (self->content_stack, "notify::visible-child",
                            G_CALLBACK (visible_section_changed_cb), self);

  /* Each section named by its title until there is a count to add */
  {
    GtkLabel *counts[] = { self->mine_count, self->department_count, self->watching_count,
                           self->done_count, self->all_count, self->hearings_count,
                           self->disclosures_count, self->messages_count, self->evaluations_count,
                           self->catalogue_count, self->conflicts_count };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      set_count (counts[i], 0);
    /* Nothing in Accounts waits for anyone: its title alone */
    civic_accessible_set_name (GTK_WIDGET (self->accounts_row), C_("section", "Accounts"));
    civic_accessible_set_name (GTK_WIDGET (self->rooms_row), C_("section", "Rooms"));
    civic_accessible_set_name (GTK_WIDGET (self->calendars_row), C_("section", "Calendars"));
    civic_accessible_set_name (GTK_WIDGET (self->templates_row), C_("section", "Templates"));
    civic_accessible_set_name (GTK_WIDGET (self->keys_row), C_("section", "API Keys"));
  }
}

CivicWindow *
civic_window_new (CivicApplication *application)
{
  CivicWindow *self;
  GSettings *settings;
  g_autofree char *last_queue = NULL;

  g_return_val_if_fail (CIVIC_IS_APPLICATION (application), NULL);

  self = g_object_new (CIVIC_TYPE_WINDOW, "application", application, NULL);
  self->application = application;
  settings = civic_application_get_settings (application);
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    civic_accessible_name_window_parts (
      GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  civic_inbox_view_bind_settings (self->inbox_view, settings);
  last_queue = g_settings_get_string (settings, "last-queue");
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    if (g_str_equal (last_queue, queues[i].name))
      {
        gtk_list_box_select_row (self->sidebar, queue_row (self, i));
        civic_inbox_view_set_queue (self->inbox_view, queues[i].queue);
      }

  g_signal_connect_object (application, "notify::account", G_CALLBACK (account_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::demo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  account_changed_cb (self);

  return self;
}
