/* civic-case-page.c — one case: its limits, materials, history, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-action-dialog.h"
#include "civic-case-index.h"
#include "civic-case-kind.h"
#include "civic-case-page.h"
#include "civic-document-dialog.h"
#include "civic-toast.h"
#include "civic-core-enums.h"
#include "civic-due-chip.h"
#include "civic-json.h"
#include "civic-time.h"

/* The page an official decides on: who applied for what, and when; the
 * statutory and promised limits with how they were counted; the
 * materials; each co-department's part of a joint case; every event; and
 * the actions the rules allow this official now, and only those. The
 * case shown is the official's own version while their actions wait to be
 * sent, marked so. It is built anew from the cache whenever a sync
 * changes it. */

struct _CivicCasePage
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwWindowTitle  *title_widget;
  GtkButton       *back_button;
  GtkMenuButton   *menu_button;
  GtkStack        *stack;
  GtkScrolledWindow *scrolled_window;
  GtkBox          *content;

  CivicSyncEngine *engine;
  CivicCase       *kase;
  char            *case_id;
  GCancellable    *cancellable;
  gboolean         watched;
  char            *shown;         /* what the page was built from */
};

G_DEFINE_FINAL_TYPE (CivicCasePage, civic_case_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_WATCHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Small builders */

static gboolean
may_reveal (CivicCasePage *self)
{
  CivicCache *cache;

  if (self->kase == NULL || self->engine == NULL)
    return FALSE;
  cache = civic_sync_engine_get_cache (self->engine);
  return civic_case_may_reveal (self->kase, civic_cache_get_me (cache));
}

static GtkWidget *
group_new (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

static GtkWidget *
info_row (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  /* Read, not acted on: no Tab stop (a button in it still takes one) */
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}


static char *
format_day (CivicDay day)
{
  return day == CIVIC_DAY_INVALID ? g_strdup ("") : civic_day_format (day);
}

static const char *
state_nick (CivicCase *kase)
{
  return civic_enum_to_nick (CIVIC_TYPE_CASE_STATE, civic_case_get_state (kase));
}

/* Actions */

static void
toast (CivicCasePage *self,
       const char    *text)
{
  civic_toast_emit (self, signals[ADD_TOAST], text);
}

/* A toast that says an action is on its way, until it has arrived: it
 * says so then, or that the service refused it — never "sending" after
 * the service has answered. */
typedef struct
{
  CivicSyncEngine *engine;      /* not held: it ends this when it goes */
  AdwToast        *toast;
  char            *command_id;
  char            *target;
  CivicAction      action;
  gulong           pending_id;
  gulong           dismissed_id;
} Sending;

/* When its handler on the engine goes: answered, dismissed, or the engine
 * gone with the account */
static void
sending_free (gpointer  data,
              GClosure *closure)
{
  Sending *sending = data;

  g_clear_signal_handler (&sending->dismissed_id, sending->toast);
  g_clear_object (&sending->toast);
  g_free (sending->command_id);
  g_free (sending->target);
  g_free (sending);
}

static void
sending_answered (CivicSyncEngine *engine,
                  GParamSpec      *pspec,
                  Sending         *sending)
{
  CivicOutbox *outbox = civic_sync_engine_get_outbox (engine);
  g_autoptr(GPtrArray) waiting = civic_outbox_list (outbox, sending->target, NULL);
  g_autoptr(CivicConflict) conflict = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    if (g_str_equal (((CivicOutboxCommand *) g_ptr_array_index (waiting, i))->id,
                     sending->command_id))
      return;

  conflict = civic_outbox_get_conflict (outbox, sending->command_id, NULL);
  text = conflict != NULL
         /* Translators: %s is an action, "Accept" */
         ? g_strdup_printf (_("%s — refused by the service"), civic_action_get_label (sending->action))
         /* Translators: %s is an action, "Accept" */
         : g_strdup_printf (_("%s — done"), civic_action_get_label (sending->action));
  escaped = g_markup_escape_text (text, -1);
  adw_toast_set_title (sending->toast, escaped);
  g_signal_handler_disconnect (engine, sending->pending_id);
}

static void
sending_dismissed (AdwToast *toast,
                   Sending  *sending)
{
  g_signal_handler_disconnect (sending->engine, sending->pending_id);
}

/* Undo, while an action waits on this computer: the page says how it
 * went, on the page the action was taken from if it is still there */
typedef struct
{
  CivicSyncEngine *engine;   /* weak: the account may be gone */
  CivicCasePage   *page;     /* weak */
  char            *command_id;
  CivicAction      action;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->engine);
  g_clear_weak_pointer (&undo->page);
  g_free (undo->command_id);
  g_free (undo);
}

static void
undo_clicked (AdwToast *clicked,
              Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (undo->engine == NULL)
    return;
  if (civic_sync_engine_withdraw (undo->engine, undo->command_id, &error))
    /* Translators: %s is an action, "Claim" */
    text = g_strdup_printf (_("%s — taken back"), civic_action_get_label (undo->action));
  else
    text = g_strdup (error->message);
  if (undo->page != NULL)
    toast (undo->page, text);
}

static gboolean
perform (CivicCasePage  *self,
         const char     *case_id,
         CivicAction     action,
         JsonObject     *args,
         GError        **error)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AdwToast) toast = NULL;

  id = civic_sync_engine_perform (self->engine, case_id, action, args, error);
  if (id == NULL)
    return FALSE;

  if (civic_sync_engine_get_state (self->engine) == CIVIC_SYNC_STATE_OFFLINE)
    /* Translators: %s is an action, "Accept" */
    text = g_strdup_printf (_("%s — kept on this computer until the service is back"),
                            civic_action_get_label (action));
  else
    /* Translators: %s is an action, "Accept" */
    text = g_strdup_printf (_("%s — sending to the service"), civic_action_get_label (action));
  toast = civic_toast_new (text);

  if (civic_sync_engine_get_state (self->engine) == CIVIC_SYNC_STATE_OFFLINE)
    {
      /* Waiting here, it can still be taken back */
      Undo *undo = g_new0 (Undo, 1);

      g_set_weak_pointer (&undo->engine, self->engine);
      g_set_weak_pointer (&undo->page, self);
      undo->command_id = g_strdup (id);
      undo->action = action;
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), undo,
                             undo_free, 0);
    }
  else
    {
      Sending *sending = g_new0 (Sending, 1);

      sending->engine = self->engine;
      sending->toast = g_object_ref (toast);
      sending->command_id = g_steal_pointer (&id);
      sending->target = g_strdup (case_id);
      sending->action = action;
      sending->dismissed_id = g_signal_connect (toast, "dismissed",
                                                G_CALLBACK (sending_dismissed), sending);
      sending->pending_id = g_signal_connect_data (self->engine, "notify::pending",
                                                   G_CALLBACK (sending_answered), sending,
                                                   sending_free, 0);
    }
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  return TRUE;
}

static void
document_issue_cb (CivicDocumentDialog *dialog,
                   guint                kind,
                   guint                language,
                   CivicCasePage       *self)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (self->engine == NULL)
    return;
  json_object_set_string_member (args, "document", civic_document_kind_to_string (kind));
  json_object_set_string_member (args, "language", civic_document_language_to_string (language));
  /* On the case previewed: the page may show another one by now */
  if (!perform (self, civic_document_dialog_get_case_id (dialog), CIVIC_ACTION_ISSUE_DOCUMENT,
                args, &error))
    civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &civic_case_kind, CIVIC_ACTION_ISSUE_DOCUMENT, error);
}

/**
 * civic_case_page_issue_document:
 *
 * Previews @kind for the case shown, to issue it.
 */
CivicDocumentDialog *
civic_case_page_issue_document (CivicCasePage     *self,
                                CivicDocumentKind  kind)
{
  CivicDocumentDialog *dialog;

  g_return_val_if_fail (CIVIC_IS_CASE_PAGE (self), NULL);

  if (self->kase == NULL)
    return NULL;
  dialog = civic_document_dialog_new_issue (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            self->engine, self->kase, kind);
  g_signal_connect_object (dialog, "issue", G_CALLBACK (document_issue_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The step just taken calls for a document: offered at once, as the end
 * of the step's own dialog */
static void
offer_document (CivicCasePage *self,
                CivicAction    action)
{
  g_autoptr(CivicCase) kase = civic_cache_load_case (civic_sync_engine_get_cache (self->engine),
                                                     self->case_id, NULL);
  const CivicActor *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
  CivicDocumentKind kind;

  if (kase == NULL || me == NULL || !civic_case_document_for_action (kase, action, &kind) ||
      !civic_actor_has_role (me, civic_document_kind_get_roles (kind)))
    return;
  g_set_object (&self->kase, kase);
  civic_case_page_issue_document (self, kind);
}

static void
issue_document_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CivicDocumentKind kind;

  if (civic_document_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    civic_case_page_issue_document (CIVIC_CASE_PAGE (widget), kind);
}

static void
show_document_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CivicCasePage *self = CIVIC_CASE_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  CivicDocumentDialog *dialog;

  if (self->kase == NULL || civic_case_find_document (self->kase, id) == NULL)
    return;
  dialog = civic_document_dialog_new_show (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           self->engine, self->kase, id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* On the dialog's own case: the page may have moved to another one (a
 * notification clicked) while the dialog was open. */
static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicCasePage) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  GObject *kase = civic_action_dialog_get_record (dialog);

  if (args == NULL || self->engine == NULL)
    return;

  if (!perform (self, civic_case_get_id (CIVIC_CASE (kase)), civic_action_dialog_get_action (dialog),
                args, &error))
    civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                   dialog_done_cb, g_object_ref (self));
  else if (g_strcmp0 (civic_case_get_id (CIVIC_CASE (kase)), self->case_id) == 0)
    offer_document (self, civic_action_dialog_get_action (dialog));
}

/**
 * civic_case_page_start_action:
 *
 * Takes @action on the case shown: at once if it asks for nothing, else
 * through its dialog.
 */
void
civic_case_page_start_action (CivicCasePage *self,
                              CivicAction    action)
{
  GtkWindow *window;

  g_return_if_fail (CIVIC_IS_CASE_PAGE (self));

  if (self->kase == NULL)
    return;

  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!civic_action_takes_arguments (&civic_case_kind, action))
    {
      g_autoptr(JsonObject) args = json_object_new ();
      g_autoptr(GError) error = NULL;

      if (!perform (self, self->case_id, action, args, &error))
        civic_action_show_refusal (window, &civic_case_kind, action, error);
      else
        offer_document (self, action);
      return;
    }

  civic_action_dialog_run_async (civic_action_dialog_new (window, self->engine, &civic_case_kind,
                                                          G_OBJECT (self->kase), action, 1),
                                 NULL, dialog_done_cb, g_object_ref (self));
}


static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CivicAction action;

  if (civic_action_from_string (g_variant_get_string (parameter, NULL), &action))
    civic_case_page_start_action (CIVIC_CASE_PAGE (widget), action);
}

/* The next step as the one suggested button, and a comment beside it —
 * the everyday note; the rest in a menu: what this official may do with
 * this case now, and nothing else. A row of several blue buttons made
 * the page too wide for the list beside it. */
static void
add_actions (CivicCasePage *self)
{
  g_autoptr(GArray) actions = civic_sync_engine_list_actions (self->engine, self->kase);
  g_autoptr(GMenu) others = g_menu_new ();
  CivicAction next = 0;
  gboolean has_next;
  GtkWidget *box;
  guint n_buttons = 0;

  if (actions->len == 0)
    return;

  has_next = civic_workflow_next_step (self->kase,
                                       civic_cache_get_me (civic_sync_engine_get_cache (self->engine)),
                                       actions, &next);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "case-actions");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);

  for (guint i = 0; i < actions->len; i++)
    {
      CivicAction action = g_array_index (actions, CivicAction, i);
      g_autofree char *label = NULL;
      g_autofree char *detailed = NULL;
      gboolean is_next;

      /* Documents are issued from their own section, by kind */
      if (action == CIVIC_ACTION_ISSUE_DOCUMENT)
        continue;
      label = g_strdup_printf ("%s%s", civic_action_get_label (action),
                               civic_action_takes_arguments (&civic_case_kind, action) ? "…" : "");
      detailed = g_strdup_printf ("case.act::%s", civic_action_to_string (action));
      is_next = has_next && action == next;

      if (is_next || action == CIVIC_ACTION_COMMENT)
        {
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
          if (is_next)
            {
              gtk_widget_add_css_class (button, "suggested-action");
              gtk_box_prepend (GTK_BOX (box), button);
            }
          else
            gtk_box_append (GTK_BOX (box), button);
          n_buttons++;
        }
      else
        g_menu_append (others, label, detailed);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    {
      GtkWidget *more = gtk_menu_button_new ();

      gtk_menu_button_set_label (GTK_MENU_BUTTON (more), n_buttons > 0 ? _("Other Actions")
                                                                         : _("Actions"));
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (others));
      gtk_box_append (GTK_BOX (box), more);
    }

  gtk_box_append (self->content, box);
}

/* Sections */

/* The state, what waits to be sent, and the actions */
static void
add_header (CivicCasePage *self)
{
  g_autoptr(GPtrArray) pending = civic_outbox_list (civic_sync_engine_get_outbox (self->engine),
                                                   self->case_id, NULL);
  GtkWidget *header, *state;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  state = gtk_label_new (civic_case_state_get_label (civic_case_get_state (self->kase)));
  gtk_widget_add_css_class (state, "state-pill");
  gtk_widget_add_css_class (state, state_nick (self->kase));
  gtk_box_append (GTK_BOX (header), state);
  if (civic_case_is_joint (self->kase))
    {
      GtkWidget *joint = gtk_label_new (_("Joint case"));

      gtk_widget_add_css_class (joint, "state-pill");
      gtk_box_append (GTK_BOX (header), joint);
    }
  gtk_box_append (self->content, header);

  if (pending != NULL && pending->len > 0)
    {
      GtkWidget *note = gtk_label_new (NULL);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < pending->len; i++)
        {
          CivicOutboxCommand *command = g_ptr_array_index (pending, i);
          CivicAction action;

          if (civic_action_from_string (command->type, &action))
            g_string_append_printf (text, "%s%s", i > 0 ? _(", ") : "",
                                    civic_action_get_label (action));
        }
      {
        g_autofree char *message =
          /* Translators: %s lists actions, "Claim, Comment" */
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Waiting to be sent: %s. It shows here as done; the "
                                        "service has the last word.",
                                        "Waiting to be sent: %s. They show here as done; the "
                                        "service has the last word.", pending->len),
                           text->str);

        gtk_label_set_label (GTK_LABEL (note), message);
      }
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "pending-note");
      gtk_box_append (self->content, note);
    }

  add_actions (self);
}

/* What was issued on the case, each to open, print or save; and what the
 * official may issue now, each kind previewed before it is */
static void
add_documents (CivicCasePage *self)
{
  GPtrArray *documents = civic_case_get_documents (self->kase);
  g_autoptr(GArray) actions = civic_sync_engine_list_actions (self->engine, self->kase);
  const CivicActor *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
  g_autoptr(GMenu) kinds = g_menu_new ();
  gboolean may_issue = FALSE;
  GtkWidget *group;

  for (guint i = 0; i < actions->len; i++)
    may_issue |= g_array_index (actions, CivicAction, i) == CIVIC_ACTION_ISSUE_DOCUMENT;
  for (guint k = 0; may_issue && me != NULL && k < CIVIC_N_DOCUMENT_KINDS; k++)
    if (civic_actor_has_role (me, civic_document_kind_get_roles (k)) &&
        civic_case_document_available (self->kase, k, NULL))
      {
        g_autofree char *label = g_strdup_printf ("%s…", civic_document_kind_get_label (k));
        g_autofree char *detailed = g_strdup_printf ("case.issue-document::%s",
                                                     civic_document_kind_to_string (k));

        g_menu_append (kinds, label, detailed);
      }

  if (documents->len == 0 && g_menu_model_get_n_items (G_MENU_MODEL (kinds)) == 0)
    return;

  group = group_new (self->content, _("Documents"),
                     documents->len == 0 ? _("The notices and decisions the law ties to the "
                                             "steps taken, numbered by the service")
                                         : NULL);
  if (g_menu_model_get_n_items (G_MENU_MODEL (kinds)) > 0)
    {
      GtkWidget *issue = gtk_menu_button_new ();

      gtk_menu_button_set_label (GTK_MENU_BUTTON (issue), _("Issue a Document"));
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (issue), G_MENU_MODEL (kinds));
      gtk_widget_set_valign (issue, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (issue, _("Preview a document this case calls for, then issue "
                                            "it"));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), issue);
    }

  for (guint i = 0; i < documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (documents, i);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
      g_autofree char *day = format_day (document->issued_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *target = g_strdup_printf ("case.show-document::%s", document->id);
      const char *title = document->title ? document->title
                                          : civic_document_kind_get_label (document->kind);
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (civic_case_document_is_draft (document))
        /* Translators: a date; the official who issued it */
        subtitle = g_strdup_printf (_("Draft, numbered when the service receives it · %s · %s"),
                                    day, document->by_name ? document->by_name : document->by_id);
      else
        /* Translators: a document number; a date; the official who issued it */
        subtitle = g_strdup_printf (_("%s · %s · %s"), document->number, day,
                                    document->by_name ? document->by_name : document->by_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* The whole row opens it, through its button */
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("Open, to print or save"));
      /* Named "Open" and, as every button in a row, by the row's title */
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open"), -1);
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (open), target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* Who applied for what, and where the case is */
static void
add_application (CivicCasePage *self)
{
  const CivicApplicant *applicant = civic_case_get_applicant (self->kase);
  g_autofree char *received = civic_time_format_local (civic_case_get_received_at (self->kase));
  g_autofree char *accepted = format_day (civic_case_get_accepted_on (self->kase));
  GtkWidget *group;

  group = group_new (self->content, _("Application"), NULL);
  info_row (group, _("Service item"), civic_case_get_item_name (self->kase));
  {
    GtkWidget *row = info_row (group, _("Applicant"), applicant ? applicant->name : NULL);

    /* Offered to those the service shows it to, and to nobody else */
    if (may_reveal (self))
      {
        GtkWidget *reveal = gtk_button_new_with_mnemonic (_("_Reveal…"));

        gtk_widget_set_valign (reveal, GTK_ALIGN_CENTER);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (reveal), "case.reveal");
        gtk_widget_set_tooltip_text (reveal, _("Show the applicant’s personal data, online. "
                                               "Every look is recorded."));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), reveal);
      }
  }
  if (applicant != NULL && applicant->id_number != NULL)
    info_row (group, applicant->kind == CIVIC_APPLICANT_PERSON ? _("ID number")
                                                               : _("Unified social credit code"),
              applicant->id_number);
  info_row (group, _("Department"), civic_case_get_department_name (self->kase));
  info_row (group, _("Channel"), civic_channel_get_label (civic_case_get_channel (self->kase)));
  info_row (group, _("Received"), received);
  if (civic_case_get_deemed_accepted (self->kase))
    {
      g_autofree char *text = g_strdup_printf (_("%s (deemed: no correction notice within five "
                                                 "working days, Art. 32)"), accepted);

      info_row (group, _("Accepted"), text);
    }
  else
    info_row (group, _("Accepted"), accepted);
  info_row (group, _("With"), civic_case_get_assignee_name (self->kase)
                              ? civic_case_get_assignee_name (self->kase)
                              : civic_queue_get_label (civic_case_get_queue (self->kase)));
}

static void
add_clock_row (CivicCasePage *self,
               GtkWidget     *group,
               CivicClock    *clock)
{
  CivicCalendar *calendar = civic_sync_engine_get_calendar (self->engine);
  g_autoptr(CivicClockReading) reading = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  g_autofree char *length = NULL;
  GtkWidget *row, *chip;

  if (clock == NULL || calendar == NULL)
    return;

  reading = civic_clock_read (clock, calendar, civic_time_today (), civic_clock_policy_get_default ());
  due = civic_day_format (reading->due);
  length = g_strdup_printf (civic_clock_unit_get_label (civic_clock_get_unit (clock), reading->length),
                            reading->length);
  /* Translators: a due date; a length ("20 working days"); the legal basis */
  subtitle = g_strdup_printf (_("Due %s · %s · %s"), due, length,
                              civic_legal_basis_get_label (civic_clock_get_legal_basis (clock)));

  row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 civic_clock_kind_get_label (civic_clock_get_kind (clock)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  chip = civic_due_chip_new_explained ();
  civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), clock, calendar, civic_time_today ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
  /* The whole row opens how the date was counted, as the group invites */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         civic_due_chip_get_activatable (CIVIC_DUE_CHIP (chip)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* Stops, resumptions and the extension, each with its reason. */
  for (guint i = 0; i < civic_clock_get_n_events (clock); i++)
    {
      const CivicClockEvent *event = civic_clock_get_event (clock, i);
      g_autofree char *day = civic_day_format (event->day);
      g_autofree char *text = NULL;

      switch (event->type)
        {
        case CIVIC_CLOCK_EVENT_STOP:
          /* Translators: a date; a procedure, "Inspection" */
          text = g_strdup_printf (_("%s: stopped for %s"), day,
                                  civic_stop_reason_get_label (event->reason));
          break;
        case CIVIC_CLOCK_EVENT_RESUME:
          text = g_strdup_printf (_("%s: resumed"), day);
          break;
        case CIVIC_CLOCK_EVENT_EXTEND:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: extended by %d day",
                                               "%s: extended by %d days", event->days),
                                  day, event->days);
          break;
        case CIVIC_CLOCK_EVENT_RESTART:
          text = g_strdup_printf (_("%s: restarted"), day);
          break;
        case CIVIC_CLOCK_EVENT_COMPLETE:
        default:
          continue;
        }

      {
        GtkWidget *event_row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (event_row), text);
        if (event->note != NULL)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (event_row), event->note);
        gtk_widget_add_css_class (event_row, "clock-event");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), event_row);
      }
    }
}

static void
add_clocks (CivicCasePage *self)
{
  GtkWidget *group = group_new (self->content, _("Time Limits"),
                                _("Working days on the official calendar, holidays and make-up "
                                  "working days included. Click a limit to see how it was "
                                  "counted."));
  CivicCaseState state = civic_case_get_state (self->kase);

  if (state == CIVIC_CASE_STATE_SUBMITTED || state == CIVIC_CASE_STATE_PRE_REVIEW ||
      state == CIVIC_CASE_STATE_CORRECTION_REQUESTED)
    add_clock_row (self, group, civic_case_get_correction_clock (self->kase));
  add_clock_row (self, group, civic_case_get_promised_clock (self->kase));
  add_clock_row (self, group, civic_case_get_statutory_clock (self->kase));
  add_clock_row (self, group, civic_case_get_delivery_clock (self->kase));

  if (gtk_widget_get_first_child (group) == NULL)
    gtk_box_remove (self->content, group);
}

/* The hearing as far as the case knows it (Arts. 46–48): why, who asked
 * and when, when it began and ended, its record. The hearing itself — its
 * room, people and notices — is its own record (issue 13). */
static void
add_hearing (CivicCasePage *self)
{
  const CivicCaseHearing *hearing = civic_case_get_hearing (self->kase);
  GtkWidget *group;

  if (hearing == NULL ||
      (!hearing->required && hearing->informed_on == CIVIC_DAY_INVALID &&
       hearing->requested_on == CIVIC_DAY_INVALID && !hearing->ex_officio &&
       hearing->started_on == CIVIC_DAY_INVALID))
    return;

  group = group_new (self->content, _("Hearing"), NULL);
  if (hearing->required)
    info_row (group, _("Required"), _("The service item requires a hearing (Art. 46)"));
  if (hearing->informed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *on = civic_day_format (hearing->informed_on);
      g_autofree char *parties = hearing->parties ? g_strjoinv (C_("list", ", "), hearing->parties)
                                                  : NULL;
      /* Translators: a date, then the parties informed */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), on, parties ? parties : "—");

      info_row (group, _("Parties informed of the right"), text);
    }
  if (hearing->waived_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *on = civic_day_format (hearing->waived_on);

      info_row (group, _("Waived"), on);
    }
  if (hearing->requested_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *on = civic_day_format (hearing->requested_on);
      /* Translators: who asked for the hearing, then the date */
      g_autofree char *text = g_strdup_printf (_("%s, on %s"),
                                               hearing->requested_by ? hearing->requested_by : "—",
                                               on);

      info_row (group, _("Requested"), text);
    }
  if (hearing->ex_officio)
    info_row (group, _("Ordered by the organ"), hearing->order_reason);
  if (hearing->started_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *on = civic_day_format (hearing->started_on);

      info_row (group, _("Clocks stopped for it"), on);
    }
  if (hearing->concluded_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *on = civic_day_format (hearing->concluded_on);
      /* Translators: a date, then the record's reference */
      g_autofree char *text = g_strdup_printf (_("%s · record %s"), on,
                                               hearing->record_ref ? hearing->record_ref : "—");

      info_row (group, _("Concluded"), text);
    }
}

static void
add_materials (CivicCasePage *self)
{
  GPtrArray *materials = civic_case_get_materials (self->kase);
  GPtrArray *corrections = civic_case_get_corrections (self->kase);
  GtkWidget *group;
  guint missing = 0;

  if (materials->len == 0)
    return;

  for (guint i = 0; i < materials->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (materials, i);

      missing += material->required && !material->received;
    }

  {
    g_autofree char *description = missing > 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u required material is missing.",
                                      "%u required materials are missing.", missing), missing)
      : g_strdup (_("Every required material is in."));

    group = group_new (self->content, _("Materials"), description);
  }

  for (guint i = 0; i < materials->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (materials, i);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (material->received ? "object-select-symbolic"
                                                                         : "action-unavailable-symbolic");
      const char *status = material->received ? _("Received")
                           : material->required ? _("Missing") : _("Not handed in");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->name);
      {
        g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                     material->required ? _("Required") : _("Optional"),
                                                     status);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
      gtk_widget_add_css_class (icon, material->received ? "success" : material->required ? "error"
                                                                                              : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  for (guint i = 0; i < corrections->len; i++)
    {
      CivicCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *notified = format_day (correction->notified_on);
      g_autofree char *title = g_strdup_printf (_("Correction notice of %s (round %d)"), notified,
                                                correction->round);
      g_autoptr(GString) items = g_string_new (NULL);

      for (guint j = 0; correction->items != NULL && correction->items[j] != NULL; j++)
        {
          const CivicMaterial *material = civic_case_find_material (self->kase, correction->items[j]);

          g_string_append_printf (items, "%s%s", j > 0 ? _("; ") : "",
                                  material ? material->name : correction->items[j]);
        }
      info_row (group, title, items->str);
    }
}

static void
add_subtasks (CivicCasePage *self)
{
  GPtrArray *subtasks = civic_case_get_subtasks (self->kase);
  g_autoptr(GPtrArray) waiting = civic_case_dup_pending_subtasks (self->kase);
  g_autofree char *description = NULL;
  GtkWidget *group;

  if (subtasks->len == 0)
    return;

  if (waiting != NULL && waiting->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < waiting->len; i++)
        {
          CivicSubtask *subtask = g_ptr_array_index (waiting, i);

          g_string_append_printf (names, "%s%s", i > 0 ? _(", ") : "", subtask->department_name);
        }
      /* Translators: %s lists departments */
      description = g_strdup_printf (_("Waiting for the opinion of %s: the lead department "
                                       "decides when every department has given its opinion."),
                                     names->str);
    }
  else
    description = g_strdup (_("Every department has given its opinion."));

  group = group_new (self->content, _("Departments"), description);
  for (guint i = 0; i < subtasks->len; i++)
    {
      CivicSubtask *subtask = g_ptr_array_index (subtasks, i);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
      g_autofree char *subtitle = NULL;

      if (subtask->done)
        {
          g_autofree char *at = civic_time_format_local (subtask->at);

          /* Translators: an opinion ("Approve"), who gave it, when, and their words */
          subtitle = g_strdup_printf (_("%s — %s, %s\n%s"),
                                      civic_recommendation_get_label (subtask->result),
                                      subtask->by_name ? subtask->by_name : "", at,
                                      subtask->text ? subtask->text : "");
        }
      else
        subtitle = g_strdup (_("Waiting for its opinion"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subtask->department_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!subtask->done)
        gtk_widget_add_css_class (row, "holding-up");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_outcome (CivicCasePage *self)
{
  const CivicDecision *decision = civic_case_get_decision (self->kase);
  const CivicNotAccepted *not_accepted = civic_case_get_not_accepted (self->kase);
  const CivicService *service = civic_case_get_service (self->kase);
  const CivicClosure *closure = civic_case_get_closure (self->kase);
  GtkWidget *group;

  if (decision == NULL && not_accepted == NULL && service == NULL && closure == NULL)
    return;

  group = group_new (self->content, _("Outcome"), NULL);
  if (not_accepted != NULL)
    {
      info_row (group, _("Not accepted"), civic_not_accept_ground_get_label (not_accepted->ground));
      info_row (group, _("Reason"), not_accepted->reason);
      info_row (group, _("Legal basis"), not_accepted->legal_basis);
    }
  if (decision != NULL)
    {
      g_autofree char *on = format_day (decision->on);
      g_autofree char *remedies = civic_workflow_remedies_notice (self->kase);

      info_row (group, _("Decision"), civic_recommendation_get_label (decision->result));
      info_row (group, _("Decided on"), on);
      info_row (group, _("Decision number"), decision->number);
      if (decision->reason != NULL)
        info_row (group, _("Reasons"), decision->reason);
      if (remedies != NULL)
        info_row (group, _("Remedies"), remedies);
    }
  if (service != NULL)
    {
      g_autofree char *on = format_day (service->on);

      info_row (group, _("Served"), on);
      info_row (group, _("Served by"), civic_service_method_get_label (service->method));
      if (service->certificate_no != NULL)
        info_row (group, _("Certificate number"), service->certificate_no);
    }
  if (closure != NULL)
    {
      g_autofree char *on = format_day (closure->on);

      info_row (group, _("Closed"), on);
      info_row (group, _("Result"), civic_closure_code_get_label (closure->code));
    }
}

static void
add_timeline (CivicCasePage *self)
{
  GPtrArray *events = civic_case_get_events (self->kase);
  GtkWidget *group = group_new (self->content, _("History"), NULL);

  /* The newest first: what happened last is what matters next. */
  for (guint n = events->len; n > 0; n--)
    {
      CivicCaseEvent *event = g_ptr_array_index (events, n - 1);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
      g_autofree char *at = civic_time_format_local (event->at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (event->actor_name != NULL)
        /* Translators: who did it, and what: "李明: Accepted the application" */
        title = g_strdup_printf (_("%s: %s"), event->actor_name,
                                 civic_action_get_past_tense (event->type));
      else
        title = g_strdup (civic_action_get_past_tense (event->type));

      subtitle = event->text != NULL && *event->text != '\0'
                 ? g_strdup_printf ("%s\n%s", at, event->text) : g_strdup (at);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
clear_content (CivicCasePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_clear_pointer (&self->shown, g_free);
}

static void
update_actions (CivicCasePage *self)
{
  gboolean watched = self->kase != NULL &&
                     civic_cache_is_watched (civic_sync_engine_get_cache (self->engine),
                                             self->case_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.reveal", may_reveal (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.copy-number", self->kase != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.watch", self->kase != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), self->kase != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), self->kase != NULL);

  if (self->watched != watched)
    {
      self->watched = watched;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHED]);
    }
}

/**
 * civic_case_page_reload:
 *
 * Reads the case again from the cache: after a sync, or an action.
 */
/* The case as shown: its record, the actions waiting to be sent, the
 * day the clocks count to. */
static char *
fingerprint (CivicCasePage *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *json = NULL;

  if (self->kase == NULL)
    return NULL;

  node = civic_case_to_json (self->kase);
  json = json_to_string (node, FALSE);
  out = g_string_new (json);
  pending = civic_outbox_list (civic_sync_engine_get_outbox (self->engine), self->case_id, NULL);
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      CivicOutboxCommand *command = g_ptr_array_index (pending, i);
      g_autofree char *text = civic_outbox_command_to_json (command);

      g_string_append (out, text);
    }
  g_string_append_printf (out, "|%d", (int) civic_time_today ());
  /* Whom the actions are for: acting for a colleague, or no more */
  {
    const CivicActor *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));

    if (me != NULL)
      g_string_append_printf (out, "|%s|%u", me->id, (guint) me->roles);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
civic_case_page_reload (CivicCasePage *self)
{
  g_autoptr(GError) error = NULL;
  double scrolled;

  g_return_if_fail (CIVIC_IS_CASE_PAGE (self));

  scrolled = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window));
  g_clear_object (&self->kase);

  if (self->engine != NULL && self->case_id != NULL)
    self->kase = civic_cache_load_case (civic_sync_engine_get_cache (self->engine), self->case_id,
                                        &error);

  /* Every sync says the cases changed; this one mostly has not. Built
   * again only when it did, so an open menu, the focus and the place on
   * the page stay where the official left them. */
  {
    g_autofree char *shown = fingerprint (self);

    if (shown != NULL && g_strcmp0 (shown, self->shown) == 0)
      {
        update_actions (self);
        return;
      }
    clear_content (self);
    self->shown = g_steal_pointer (&shown);
  }

  if (self->kase == NULL)
    {
      if (error != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The case cannot be shown: %s"),
                                                   error->message);

          toast (self, text);
        }
      adw_window_title_set_title (self->title_widget, "");
      adw_window_title_set_subtitle (self->title_widget, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  adw_window_title_set_title (self->title_widget, civic_case_get_number (self->kase));
  adw_window_title_set_subtitle (self->title_widget, civic_case_get_item_name (self->kase));

  /* What an official needs first, above the fold: the state, the next
   * step, the time limits; then the details. */
  add_header (self);
  add_clocks (self);
  /* The documents before the application's details: printed and handed
   * over at the counter, they are worked with as often */
  add_documents (self);
  add_application (self);
  add_hearing (self);
  add_materials (self);
  add_subtasks (self);
  add_outcome (self);
  add_timeline (self);

  gtk_stack_set_visible_child_name (self->stack, "case");
  update_actions (self);

  /* The same case again keeps its place on the page. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), scrolled);
}

void
civic_case_page_set_engine (CivicCasePage   *self,
                            CivicSyncEngine *engine)
{
  g_return_if_fail (CIVIC_IS_CASE_PAGE (self));
  g_return_if_fail (!engine || CIVIC_IS_SYNC_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;

  civic_case_page_set_case_id (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

CivicSyncEngine *
civic_case_page_get_engine (CivicCasePage *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_PAGE (self), NULL);
  return self->engine;
}

void
civic_case_page_set_case_id (CivicCasePage *self,
                             const char    *case_id)
{
  g_return_if_fail (CIVIC_IS_CASE_PAGE (self));

  if (g_strcmp0 (self->case_id, case_id) != 0)
    {
      g_free (self->case_id);
      self->case_id = g_strdup (case_id);
      g_cancellable_cancel (self->cancellable);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  civic_case_page_reload (self);
}

const char *
civic_case_page_get_case_id (CivicCasePage *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_PAGE (self), NULL);
  return self->case_id;
}

CivicCase *
civic_case_page_get_case (CivicCasePage *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

void
civic_case_page_set_show_back (CivicCasePage *self,
                               gboolean       show)
{
  g_return_if_fail (CIVIC_IS_CASE_PAGE (self));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show);
}

/* Menu actions */

static void
revealed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CivicCasePage) self = user_data;
  g_autoptr(JsonObject) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  static const struct { const char *member; const char *label; } fields[] = {
    { "name", N_("Name") },
    { "id_number", N_("ID number or credit code") },
    { "phone", N_("Phone") },
    { "address", N_("Address") },
    { "contact", N_("Contact person") },
  };

  person = civic_api_client_reveal_finish (CIVIC_API_CLIENT (source), result, &error);
  if (person == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The applicant’s details cannot be shown: %s"),
                                                   error->message);

          toast (self, text);
        }
      return;
    }

  /* Shown, never kept: the offline copy holds masked data only. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = json_object_get_string_member_with_default (person, fields[i].member, NULL);

      if (value != NULL && *value != '\0')
        g_string_append_printf (body, "%s: %s\n", _(fields[i].label), value);
    }

  /* The hearing's people are masked in the copy too. */
  {
    g_auto(GStrv) parties = NULL;
    const char *requested_by = json_object_get_string_member_with_default (person,
                                                                           "requested_by", NULL);

    if (civic_json_get_strv (person, "parties", FALSE, &parties, NULL) && parties != NULL &&
        parties[0] != NULL)
      {
        g_autofree char *joined = g_strjoinv (_(", "), parties);

        g_string_append_printf (body, "%s: %s\n", _("Parties informed of the hearing"), joined);
      }
    if (requested_by != NULL && *requested_by != '\0')
      g_string_append_printf (body, "%s: %s\n", _("Hearing requested by"), requested_by);
  }

  /* Translators: the title of the applicant's details, then the case number */
  heading = g_strdup_printf (_("%s — %s"), _("Applicant’s Details"),
                             self->kase ? civic_case_get_number (self->kase) : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, NULL));
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reveal_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CivicCasePage *self = CIVIC_CASE_PAGE (widget);

  if (self->kase == NULL)
    return;

  /* A reveal still on its way is for the case shown before. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  civic_api_client_reveal_async (civic_sync_engine_get_client (self->engine), self->case_id,
                                 self->cancellable, revealed_cb, g_object_ref (self));
}

static void
copy_number_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CivicCasePage *self = CIVIC_CASE_PAGE (widget);

  if (self->kase == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), civic_case_get_number (self->kase));
  toast (self, _("Case number copied"));
}

static void
set_watched (CivicCasePage *self,
             gboolean       watched)
{
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL || self->watched == watched)
    return;

  if (!civic_cache_set_watched (civic_sync_engine_get_cache (self->engine), self->case_id, watched,
                                &error))
    {
      toast (self, error->message);
      return;
    }

  self->watched = watched;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHED]);
  toast (self, watched ? _("Watching this case") : _("No longer watching this case"));
  /* The Watching queue counts it now. */
  g_signal_emit_by_name (self->engine, "cases-changed");
}

static void
civic_case_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CivicCasePage *self = CIVIC_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_WATCHED:
      g_value_set_boolean (value, self->watched);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_case_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CivicCasePage *self = CIVIC_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      civic_case_page_set_engine (self, g_value_get_object (value));
      break;
    case PROP_WATCHED:
      set_watched (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_case_page_dispose (GObject *object)
{
  CivicCasePage *self = (CivicCasePage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->kase);
  g_clear_object (&self->engine);
  /* The bin's child first, whole: then the template's own references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_CASE_PAGE);

  G_OBJECT_CLASS (civic_case_page_parent_class)->dispose (object);
}

static void
civic_case_page_finalize (GObject *object)
{
  CivicCasePage *self = (CivicCasePage *)object;

  g_clear_object (&self->cancellable);
  g_free (self->case_id);
  g_free (self->shown);

  G_OBJECT_CLASS (civic_case_page_parent_class)->finalize (object);
}

static void
civic_case_page_class_init (CivicCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_case_page_dispose;
  object_class->finalize = civic_case_page_finalize;
  object_class->get_property = civic_case_page_get_property;
  object_class->set_property = civic_case_page_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, CIVIC_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WATCHED] =
    g_param_spec_boolean ("watched", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicCasePage, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CivicCasePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CivicCasePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CivicCasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CivicCasePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CivicCasePage, content);

  gtk_widget_class_install_action (widget_class, "case.reveal", NULL, reveal_activated);
  gtk_widget_class_install_action (widget_class, "case.copy-number", NULL, copy_number_activated);
  gtk_widget_class_install_property_action (widget_class, "case.watch", "watched");
  gtk_widget_class_install_action (widget_class, "case.act", "s", act_activated);
  gtk_widget_class_install_action (widget_class, "case.issue-document", "s",
                                   issue_document_activated);
  gtk_widget_class_install_action (widget_class, "case.show-document", "s",
                                   show_document_activated);
}

static void
civic_case_page_init (CivicCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
