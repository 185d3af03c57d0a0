/* civic-hearing-page.c — one hearing: its dates under the law, its people, its record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-document-dialog.h"
#include "civic-due-chip.h"
#include "civic-page-rows.h"
#include "civic-hearing-page.h"
#include "civic-time.h"
#include "civic-toast.h"

/* What a hearing officer needs of one hearing, top to bottom: what to do
 * next (the actions the rules allow this official now); what the law
 * still asks (the procedure's findings: a notice to send, a request to
 * decide); its dates under Arts. 45–48; when and where, who hosts; the
 * cases heard; the parties, how each was notified and whether they signed;
 * recusals and postponements; and the record (笔录). During the hearing
 * the record is written here: the text is kept on this computer as it is
 * typed, so a crash or a dead network loses none of it, and saved as a
 * command that waits in the outbox like any other. */

#define DRAFT_DELAY_MS 800

struct _CivicHearingPage
{
  GtkBox            parent_instance;

  CivicSyncEngine  *engine;
  char             *hearing_id;
  CivicHearing     *hearing;

  GtkWidget        *scrolled;
  GtkWidget        *content;
  GtkTextBuffer    *record_buffer;   /* the editor's, while the record may be written */
  GtkWidget        *draft_note;
  guint             draft_source;
};

G_DEFINE_FINAL_TYPE (CivicHearingPage, civic_hearing_page, GTK_TYPE_BOX)

static guint toast_signal;

/* The record's draft on this computer */

/**
 * civic_hearing_draft_path:
 *
 * Returns: (transfer full): where the record being written for
 * @hearing_id is kept as it is typed
 */
char *
civic_hearing_draft_path (const char *hearing_id)
{
  g_autofree char *name = g_strdup_printf ("hearing-record-%s.txt", hearing_id);

  return g_build_filename (g_get_user_data_dir (), "civicdesk", "drafts", name, NULL);
}

static char *
load_draft (const char *hearing_id)
{
  g_autofree char *path = civic_hearing_draft_path (hearing_id);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

static void
forget_draft (const char *hearing_id)
{
  g_autofree char *path = civic_hearing_draft_path (hearing_id);

  g_unlink (path);
}

static gboolean
save_draft (gpointer data)
{
  CivicHearingPage *self = data;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  self->draft_source = 0;
  if (self->record_buffer == NULL || self->hearing_id == NULL)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_bounds (self->record_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->record_buffer, &start, &end, FALSE);
  path = civic_hearing_draft_path (self->hearing_id);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_file_set_contents_full (path, text, -1,
                                                                         G_FILE_SET_CONTENTS_CONSISTENT,
                                                                         0600, &error))
    {
      g_warning ("The record being written cannot be kept: %s",
                 error ? error->message : g_strerror (errno));
      return G_SOURCE_REMOVE;
    }
  if (self->draft_note != NULL)
    gtk_label_set_text (GTK_LABEL (self->draft_note), _("Kept on this computer as you type"));
  return G_SOURCE_REMOVE;
}

static void
record_changed (GtkTextBuffer    *buffer,
                CivicHearingPage *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, save_draft, self);
}

/**
 * civic_hearing_page_dup_draft:
 *
 * Returns: (transfer full) (nullable): the record's text as the editor
 * has it
 */
char *
civic_hearing_page_dup_draft (CivicHearingPage *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CIVIC_IS_HEARING_PAGE (self), NULL);

  if (self->record_buffer == NULL)
    return NULL;
  gtk_text_buffer_get_bounds (self->record_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->record_buffer, &start, &end, FALSE);
}

/* Acting */

static gboolean
perform (CivicHearingPage    *self,
         CivicHearingAction   action,
         JsonObject          *args,
         GError             **error)
{
  g_autofree char *command = civic_sync_engine_perform_hearing (self->engine, self->hearing_id,
                                                                action, args, error);

  if (command == NULL)
    return FALSE;
  if (action == CIVIC_HEARING_ACTION_WRITE_RECORD)
    forget_draft (self->hearing_id);
  civic_toast_emit (self, toast_signal, civic_command_past_tense (civic_hearing_kind.action_to_string (action)));
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicHearingPage) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;

  if (args == NULL || self->engine == NULL)
    return;
  if (!perform (self, civic_action_dialog_get_action (dialog), args, &error))
    civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                   dialog_done_cb, g_object_ref (self));
}

/**
 * civic_hearing_page_start_action:
 * @args: (nullable): what to fill the form with: a slot dropped on
 *
 * Takes @action on the hearing shown: at once if it asks for nothing,
 * else through its dialog.
 */
void
civic_hearing_page_start_action (CivicHearingPage   *self,
                                 CivicHearingAction  action,
                                 JsonObject         *args)
{
  GtkWindow *window;
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_HEARING_PAGE (self));

  if (self->hearing == NULL || self->engine == NULL)
    return;

  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!civic_action_takes_arguments (&civic_hearing_kind, action))
    {
      g_autoptr(JsonObject) none = json_object_new ();
      g_autoptr(GError) error = NULL;

      if (!perform (self, action, none, &error))
        civic_action_show_refusal (window, &civic_hearing_kind, action, error);
      return;
    }

  dialog = civic_action_dialog_new (window, self->engine, &civic_hearing_kind,
                                    G_OBJECT (self->hearing), action, 1);
  if (args != NULL)
    civic_action_dialog_set_args (dialog, args);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

static void
save_record_clicked (GtkButton        *button,
                     CivicHearingPage *self)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *text = civic_hearing_page_dup_draft (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  json_object_set_string_member (args, "text", text ? text : "");
  if (!perform (self, CIVIC_HEARING_ACTION_WRITE_RECORD, args, &error))
    {
      /* The draft stays, and says why it was not taken */
      save_draft (self);
      civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 &civic_hearing_kind, CIVIC_HEARING_ACTION_WRITE_RECORD, error);
    }
}

/* Building */

/* The step that moves the hearing on, for what it waits for now */
static gboolean
next_step (CivicHearing       *hearing,
           GArray             *actions,
           CivicHearingAction *step)
{
  CivicHearingAction wanted;
  gboolean all_signed = TRUE;

  for (guint i = 0; i < civic_hearing_get_n_participants (hearing); i++)
    {
      const CivicHearingParticipant *participant = civic_hearing_get_participant (hearing, i);

      all_signed &= participant->signed_on != CIVIC_DAY_INVALID ||
                    participant->refused_on != CIVIC_DAY_INVALID;
    }

  switch (civic_hearing_get_state (hearing))
    {
    case CIVIC_HEARING_STATE_PENDING:
    case CIVIC_HEARING_STATE_POSTPONED:
      wanted = CIVIC_HEARING_ACTION_SCHEDULE;
      break;
    case CIVIC_HEARING_STATE_SCHEDULED:
      wanted = CIVIC_HEARING_ACTION_NOTIFY;
      break;
    case CIVIC_HEARING_STATE_NOTIFIED:
      wanted = CIVIC_HEARING_ACTION_HOLD;
      break;
    case CIVIC_HEARING_STATE_HELD:
      wanted = all_signed ? CIVIC_HEARING_ACTION_CLOSE : CIVIC_HEARING_ACTION_SIGN_RECORD;
      break;
    default:
      return FALSE;
    }

  /* A recusal asked for comes first: nothing is held before it is decided */
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, guint, i) == CIVIC_HEARING_ACTION_DECIDE_RECUSAL)
      wanted = CIVIC_HEARING_ACTION_DECIDE_RECUSAL;

  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, guint, i) == wanted)
      {
        *step = wanted;
        return TRUE;
      }
  return FALSE;
}

static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  guint action;

  if (civic_hearing_kind.action_from_string (g_variant_get_string (parameter, NULL), &action))
    civic_hearing_page_start_action (CIVIC_HEARING_PAGE (widget), action, NULL);
}

static char *
action_text (CivicHearingAction action)
{
  return g_strdup_printf ("%s%s", civic_hearing_action_get_label (action),
                          civic_action_takes_arguments (&civic_hearing_kind, action) ? "…" : "");
}

/* The next step as the one suggested button; the rest in a menu: what
 * this official may do with this hearing now, and nothing else */
static void
add_actions (CivicHearingPage *self)
{
  g_autoptr(GArray) actions = civic_sync_engine_list_record_actions (self->engine,
                                                                     &civic_hearing_kind,
                                                                     G_OBJECT (self->hearing));
  g_autoptr(GMenu) others = g_menu_new ();
  CivicHearingAction step = 0;
  gboolean has_step = next_step (self->hearing, actions, &step);
  GtkWidget *box;

  if (actions->len == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicHearingAction action = g_array_index (actions, guint, i);
      g_autofree char *label = action_text (action);
      g_autofree char *detailed = g_strdup_printf ("hearing.act::%s",
                                                   civic_hearing_kind.action_to_string (action));

      /* The record has its own editor below */
      if (action == CIVIC_HEARING_ACTION_WRITE_RECORD)
        continue;
      if (has_step && action == step)
        {
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_prepend (GTK_BOX (box), button);
        }
      else
        g_menu_append (others, label, detailed);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    {
      GtkWidget *more = gtk_menu_button_new ();

      gtk_menu_button_set_label (GTK_MENU_BUTTON (more), _("More Actions"));
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (others));
      gtk_box_append (GTK_BOX (box), more);
    }
  gtk_box_append (GTK_BOX (self->content), box);
}

static void
add_findings (CivicHearingPage *self,
              CivicCalendar    *calendar)
{
  g_auto(GStrv) examiners = civic_hearing_dup_examiner_ids (self->hearing);
  g_autoptr(GPtrArray) findings = civic_hearing_validate (self->hearing,
                                                          (const char * const *) examiners,
                                                          calendar, NULL, civic_time_today ());
  GtkWidget *group;

  if (findings->len == 0 || civic_hearing_is_over (self->hearing))
    return;

  group = civic_page_group_new (self->content, _("What the Law Still Asks"));
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicHearingFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE,
                                     "title", finding->message, "title-lines", 0, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (finding->severity == CIVIC_HEARING_SEVERITY_ERROR
                                                      ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, finding->severity == CIVIC_HEARING_SEVERITY_ERROR ? "error"
                                                                                        : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      finding->severity == CIVIC_HEARING_SEVERITY_ERROR
                                      ? _("Unlawful until fixed") : _("To do"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_dates (CivicHearingPage *self,
           CivicCalendar    *calendar)
{
  CivicHearing *hearing = self->hearing;
  CivicHearingDates dates;
  GtkWidget *group = civic_page_group_new (self->content, _("Dates"));
  CivicDay stop, resume;
  CivicDay today = civic_time_today ();

  civic_hearing_get_key_dates (hearing, calendar, NULL, &dates);
  if (civic_hearing_get_kind (hearing) == CIVIC_HEARING_KIND_ON_REQUEST)
    {
      g_autofree char *informed = civic_page_format_day (civic_hearing_get_informed_on (hearing));
      g_autofree char *requested = civic_page_format_day (civic_hearing_get_requested_on (hearing));
      g_autofree char *both = g_strdup_printf (_("Informed %s, requested %s"), informed, requested);
      g_autofree char *latest = civic_page_format_day (dates.latest_hearing_day);
      GtkWidget *row;

      civic_page_row_new (group, _("Request (Art. 47)"), both);
      row = civic_page_row_new (group, _("Latest Lawful Day (Art. 47)"), latest);
      if (!civic_hearing_is_over (hearing) && civic_hearing_get_state (hearing) < CIVIC_HEARING_STATE_HELD)
        {
          GtkWidget *chip = civic_due_chip_new ();
          int left = dates.latest_hearing_day >= today
                     ? civic_calendar_working_days_between (calendar, today, dates.latest_hearing_day)
                     : -1;

          civic_due_chip_set_status (CIVIC_DUE_CHIP (chip), left < 0 ? "red" : left <= 3 ? "yellow"
                                                                                          : "green",
                                     dates.latest_hearing_day, calendar, today);
          gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
        }
    }
  else
    {
      g_autofree char *announced = civic_page_format_day (civic_hearing_get_announced_on (hearing));

      civic_page_row_new (group, _("Held Ex Officio (Art. 46)"),
               announced ? announced : _("To be announced to the public before it is held"));
    }

  if (dates.latest_notice_day != CIVIC_DAY_INVALID)
    {
      g_autofree char *latest = civic_page_format_day (dates.latest_notice_day);
      g_autofree char *sent = civic_page_format_day (civic_hearing_get_notice_sent_on (hearing));
      g_autofree char *text = sent ? g_strdup_printf (_("Sent %s; due by %s"), sent, latest)
                                   : g_strdup_printf (_("Due by %s"), latest);

      civic_page_row_new (group, _("Notice to the Parties (Art. 48(1))"), text);
    }

  /* Art. 45: the case's clocks stand still while it is heard */
  if (civic_hearing_get_clock_stop_span (hearing, &stop, &resume))
    {
      g_autofree char *from = civic_page_format_day (stop);
      g_autofree char *to = civic_page_format_day (resume);
      g_autofree char *text = to != NULL
        ? g_strdup_printf (_("Stopped from %s to %s: the time a hearing needs does not count "
                             "(Art. 45)"), from, to)
        : g_strdup_printf (_("Stopped since %s; they run again when the record is signed "
                             "(Art. 45)"), from);

      civic_page_row_new (group, _("The Cases’ Time Limits"), text);
    }
}

static char *
dup_room_name (CivicHearingPage *self,
               const char       *room_id)
{
  g_autoptr(JsonNode) room = NULL;

  if (room_id == NULL)
    return NULL;
  room = civic_cache_load_entity (civic_sync_engine_get_cache (self->engine), CIVIC_ENTITY_ROOM,
                                  room_id, NULL);
  if (room == NULL || !JSON_NODE_HOLDS_OBJECT (room))
    return g_strdup (room_id);
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (room), "name",
                                                               room_id));
}

static void save_invitation_clicked (GtkButton        *button,
                                     CivicHearingPage *self);

static void
add_time_and_place (CivicHearingPage *self)
{
  CivicHearing *hearing = self->hearing;
  g_autofree char *slot = civic_hearing_describe_slot (hearing);
  GtkWidget *group = civic_page_group_new (self->content, _("Time and Place"));
  const char *publicity = civic_hearing_publicity_get_label (civic_hearing_get_publicity (hearing));
  g_autofree char *closed = NULL;
  g_autofree char *room = dup_room_name (self, civic_hearing_get_room_id (hearing));

  {
    GtkWidget *row = civic_page_row_new (group, _("Time"), slot ? slot : _("Not scheduled yet"));

    /* The invitation the service makes once it has the time */
    if (slot != NULL && !civic_hearing_is_over (hearing))
      {
        GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _Invitation…"));

        gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (save, _("The hearing as a calendar event (.ics), to send with "
                                             "its notice or add to a calendar"));
        g_signal_connect (save, "clicked", G_CALLBACK (save_invitation_clicked), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
      }
  }
  civic_page_row_new (group, _("Room"), room);
  civic_page_row_new (group, _("Host"), civic_hearing_get_host_name (hearing));
  civic_page_row_new (group, _("Clerk"), civic_hearing_get_clerk_name (hearing));
  if (civic_hearing_get_non_public_reason (hearing) != NULL)
    closed = g_strdup_printf ("%s — %s", publicity, civic_hearing_get_non_public_reason (hearing));
  civic_page_row_new (group, _("Public (Art. 48(2))"), closed ? closed : publicity);
  if (civic_hearing_get_video_link (hearing) != NULL)
    civic_page_row_new (group, _("Video Link"), civic_hearing_get_video_link (hearing));
}

static void
add_cases (CivicHearingPage *self)
{
  GtkWidget *group = civic_page_group_new (self->content, _("Cases Heard"));

  for (guint i = 0; i < civic_hearing_get_n_cases (self->hearing); i++)
    {
      const CivicHearingCase *heard = civic_hearing_get_case (self->hearing, i);
      GtkWidget *row = civic_page_row_new (group, heard->number ? heard->number : heard->id,
                                civic_hearing_get_matter (self->hearing));
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open Case"));
      g_autofree char *name = g_strdup_printf (_("Open Case %s"),
                                               heard->number ? heard->number : heard->id);

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "app.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(ss)", CIVIC_ENTITY_CASE,
                                        heard->id);
      civic_accessible_set_name (open, name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
}

static char *
participant_status (const CivicHearingParticipant *participant)
{
  g_autoptr(GString) text = g_string_new (civic_hearing_role_get_label (participant->role));

  if (participant->notified_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *day = civic_day_format (participant->notified_on);

      /* Translators: how a party was notified: "Notified 2026-03-11, by post" */
      g_string_append_printf (text, _("; notified %s, %s"), day,
                              civic_hearing_notice_method_get_label (participant->notified_by));
    }
  if (participant->signed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *day = civic_day_format (participant->signed_on);

      g_string_append_printf (text, participant->sealed ? _("; sealed the record %s")
                                                        : _("; signed the record %s"), day);
    }
  if (participant->refused_on != CIVIC_DAY_INVALID)
    g_string_append_printf (text, _("; refused to sign: %s"), participant->refusal_note);
  if (participant->contact != NULL)
    g_string_append_printf (text, "\n%s", participant->contact);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_people (CivicHearingPage *self)
{
  CivicHearing *hearing = self->hearing;
  GtkWidget *group = civic_page_group_new (self->content, _("Participants"));

  for (guint i = 0; i < civic_hearing_get_n_participants (hearing); i++)
    {
      const CivicHearingParticipant *participant = civic_hearing_get_participant (hearing, i);
      g_autofree char *status = participant_status (participant);
      GtkWidget *row = civic_page_row_new (group, participant->name, status);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (civic_hearing_get_n_participants (hearing) == 0)
    civic_page_row_new (group, _("No participants yet"), _("Add the applicant and the interested parties"));

  if (civic_hearing_get_n_recusals (hearing) > 0)
    {
      group = civic_page_group_new (self->content, _("Recusal Requests (Art. 48(3))"));
      for (guint i = 0; i < civic_hearing_get_n_recusals (hearing); i++)
        {
          const CivicHearingRecusal *recusal = civic_hearing_get_recusal (hearing, i);
          const CivicHearingParticipant *by = civic_hearing_find_participant (hearing, recusal->by_id);
          g_autofree char *title = g_strdup_printf (_("%s, against %s"), by ? by->name : recusal->by_id,
                                                    recusal->against_name);
          g_autofree char *subtitle = g_strdup_printf ("%s — %s", recusal->reason,
                                                       civic_hearing_recusal_decision_get_label (recusal->decision));
          GtkWidget *row = civic_page_row_new (group, title, subtitle);

          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        }
    }

  if (civic_hearing_get_n_postponements (hearing) > 0)
    {
      group = civic_page_group_new (self->content, _("Postponements"));
      for (guint i = 0; i < civic_hearing_get_n_postponements (hearing); i++)
        {
          const CivicHearingPostponement *postponement = civic_hearing_get_postponement (hearing, i);
          g_autofree char *on = civic_day_format (postponement->on);

          civic_page_row_new (group, on, postponement->reason);
        }
    }
}

static void
add_record (CivicHearingPage *self)
{
  CivicHearing *hearing = self->hearing;
  GtkWidget *group = civic_page_group_new (self->content, _("Record"));
  const char *text = civic_hearing_get_record_summary (hearing);
  g_autoptr(GError) refusal = NULL;

  if (civic_sync_engine_check_action (self->engine, &civic_hearing_kind, self->hearing_id,
                                      CIVIC_HEARING_ACTION_WRITE_RECORD, &refusal))
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Record"));
      GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *draft = load_draft (self->hearing_id);

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_set_size_request (view, -1, 180);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Record of the hearing"), -1);
      self->record_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      gtk_text_buffer_set_text (self->record_buffer, draft ? draft : text ? text : "", -1);
      g_signal_connect (self->record_buffer, "changed", G_CALLBACK (record_changed), self);

      self->draft_note = gtk_label_new (draft != NULL && g_strcmp0 (draft, text) != 0
                                        ? _("Restored the text you had not saved")
                                        : _("Kept on this computer as you type; saved to the "
                                            "record when you save it"));
      gtk_label_set_xalign (GTK_LABEL (self->draft_note), 0);
      gtk_label_set_wrap (GTK_LABEL (self->draft_note), TRUE);
      gtk_widget_set_hexpand (self->draft_note, TRUE);
      gtk_widget_add_css_class (self->draft_note, "dim-label");
      gtk_widget_add_css_class (self->draft_note, "caption");
      gtk_widget_add_css_class (save, "suggested-action");
      gtk_widget_set_valign (save, GTK_ALIGN_START);
      g_signal_connect (save, "clicked", G_CALLBACK (save_record_clicked), self);
      gtk_box_append (GTK_BOX (footer), self->draft_note);
      gtk_box_append (GTK_BOX (footer), save);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), footer);
      gtk_widget_set_margin_top (footer, 6);
      return;
    }

  {
    GtkWidget *label = gtk_label_new (text ? text : _("The record is written during the hearing"));

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_selectable (GTK_LABEL (label), text != NULL);
    if (text == NULL)
      gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (label, "hearing-record");
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  }
  if (civic_hearing_get_decision_ref (hearing) != NULL)
    civic_page_row_new (group, _("Decision Resting on It (Art. 48, Para. 2)"), civic_hearing_get_decision_ref (hearing));
}

static void
open_document_clicked (GtkButton        *button,
                       CivicHearingPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "document-id");
  GPtrArray *documents = self->hearing ? civic_hearing_get_documents (self->hearing) : NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  if (documents == NULL)
    return;
  /* Filed with the first case heard: the service's download checks that
   * the official may see its parties as it checks a case's applicant */
  kase = civic_cache_load_case (civic_sync_engine_get_cache (self->engine),
                                civic_hearing_get_case_id (self->hearing), &error);
  if (kase == NULL)
    {
      civic_toast_emit (self, toast_signal, error->message);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      const CivicCaseDocument *document = g_ptr_array_index (documents, i);

      if (g_strcmp0 (document->id, id) == 0)
        gtk_window_present (GTK_WINDOW (civic_document_dialog_new_show_document (
          GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->engine, kase, document)));
    }
}

/* The hearing as a calendar invitation, to send with the notice or add
 * to a calendar: the service's, saved where the official chooses */
typedef struct
{
  CivicHearingPage *self;
  GBytes           *ics;
} SaveInvitation;

static void
save_invitation_free (SaveInvitation *save)
{
  g_object_unref (save->self);
  g_bytes_unref (save->ics);
  g_free (save);
}

static void
invitation_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CivicHearingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    civic_toast_emit (self, toast_signal, error->message);
  else
    civic_toast_emit (self, toast_signal, _("Invitation saved"));
}

static void
invitation_chosen (GtkNativeDialog *chooser,
                   int              response,
                   SaveInvitation  *save)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_replace_contents_bytes_async (file, save->ics, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                           invitation_saved, g_object_ref (save->self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  save_invitation_free (save);
}

static void
invitation_fetched (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CivicHearingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ics = civic_api_client_hearing_ics_finish (CIVIC_API_CLIENT (source), result,
                                                                &error);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  SaveInvitation *save;
  g_autofree char *name = NULL;

  if (ics == NULL)
    {
      civic_toast_emit (self, toast_signal, error->message);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save the Invitation"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar invitations"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.ics", civic_hearing_get_case (self->hearing, 0)->number
                                    ? civic_hearing_get_case (self->hearing, 0)->number
                                    : self->hearing_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  save = g_new0 (SaveInvitation, 1);
  save->self = g_object_ref (self);
  save->ics = g_bytes_ref (ics);
  g_signal_connect (chooser, "response", G_CALLBACK (invitation_chosen), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_invitation_clicked (GtkButton        *button,
                         CivicHearingPage *self)
{
  if (self->engine == NULL || self->hearing_id == NULL)
    return;
  civic_api_client_hearing_ics_async (civic_sync_engine_get_client (self->engine), self->hearing_id,
                                      NULL, invitation_fetched, g_object_ref (self));
}

/* The notices, the announcement and the record, as the service issued
 * them: to open, print and save */
static void
add_documents (CivicHearingPage *self)
{
  GPtrArray *documents = civic_hearing_get_documents (self->hearing);
  GtkWidget *group;

  if (documents->len == 0)
    return;
  group = civic_page_group_new (self->content, _("Documents"));
  for (guint i = 0; i < documents->len; i++)
    {
      const CivicCaseDocument *document = g_ptr_array_index (documents, i);
      const CivicHearingParticipant *party = document->subject
        ? civic_hearing_find_participant (self->hearing, document->subject) : NULL;
      g_autofree char *title = party != NULL
        /* Translators: a notice and the party it is addressed to: "Hearing Notice to 张**" */
        ? g_strdup_printf (_("%s to %s"), civic_document_kind_get_label (document->kind), party->name)
        : g_strdup (civic_document_kind_get_label (document->kind));
      GtkWidget *row = civic_page_row_new (group, title, document->number ? document->number
                                              : _("Draft, numbered when the service receives it"));

      if (document->number != NULL)
        {
          GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
          g_autofree char *name = g_strdup_printf (_("Open %s"), title);

          gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (open), "document-id", g_strdup (document->id), g_free);
          g_signal_connect (open, "clicked", G_CALLBACK (open_document_clicked), self);
          civic_accessible_set_name (open, name);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
    }
}

static void
clear_content (CivicHearingPage *self)
{
  GtkWidget *child;

  if (self->draft_source != 0)
    save_draft (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->record_buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->record_buffer, self);
  self->record_buffer = NULL;
  self->draft_note = NULL;
  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

void
civic_hearing_page_reload (CivicHearingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *describe = NULL;
  CivicCalendar *calendar;
  GtkWidget *title, *subtitle;

  g_return_if_fail (CIVIC_IS_HEARING_PAGE (self));

  clear_content (self);
  g_clear_object (&self->hearing);
  if (self->engine == NULL || self->hearing_id == NULL)
    return;

  self->hearing = civic_sync_engine_load_hearing (self->engine, self->hearing_id, &error);
  if (self->hearing == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Hearing"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_box_append (GTK_BOX (self->content), status);
      return;
    }

  calendar = civic_sync_engine_get_calendar (self->engine);
  headline = civic_hearing_kind.headline (G_OBJECT (self->hearing));
  describe = civic_hearing_kind.describe (G_OBJECT (self->hearing));
  title = gtk_label_new (headline);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  subtitle = gtk_label_new (describe);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->content), title);
  gtk_box_append (GTK_BOX (self->content), subtitle);

  add_actions (self);
  add_findings (self, calendar);
  add_dates (self, calendar);
  add_time_and_place (self);
  add_cases (self);
  add_people (self);
  add_record (self);
  add_documents (self);
}

void
civic_hearing_page_show_hearing (CivicHearingPage *self,
                                 const char       *hearing_id)
{
  g_return_if_fail (CIVIC_IS_HEARING_PAGE (self));

  if (g_strcmp0 (self->hearing_id, hearing_id) != 0)
    {
      clear_content (self);
      g_free (self->hearing_id);
      self->hearing_id = g_strdup (hearing_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)),
                                0);
    }
  civic_hearing_page_reload (self);
}

const char *
civic_hearing_page_get_hearing_id (CivicHearingPage *self)
{
  g_return_val_if_fail (CIVIC_IS_HEARING_PAGE (self), NULL);
  return self->hearing_id;
}

void
civic_hearing_page_set_engine (CivicHearingPage *self,
                               CivicSyncEngine  *engine)
{
  g_return_if_fail (CIVIC_IS_HEARING_PAGE (self));

  if (!g_set_object (&self->engine, engine))
    return;
  civic_hearing_page_reload (self);
}

static void
civic_hearing_page_dispose (GObject *object)
{
  CivicHearingPage *self = CIVIC_HEARING_PAGE (object);

  if (self->content != NULL)
    clear_content (self);
  g_clear_object (&self->hearing);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->hearing_id, g_free);

  G_OBJECT_CLASS (civic_hearing_page_parent_class)->dispose (object);
}

static void
civic_hearing_page_class_init (CivicHearingPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_hearing_page_dispose;
  toast_signal = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "hearing.act", "s", act_activated);
}

static void
civic_hearing_page_init (CivicHearingPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_box_append (GTK_BOX (self), self->scrolled);
}

GtkWidget *
civic_hearing_page_new (void)
{
  return g_object_new (CIVIC_TYPE_HEARING_PAGE, NULL);
}
