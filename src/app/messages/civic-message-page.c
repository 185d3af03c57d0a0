/* civic-message-page.c — one citizen's message: what they wrote, its thread, its clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message-page"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-campaign-kind.h"
#include "civic-document-rows.h"
#include "civic-due-chip.h"
#include "civic-file-reading.h"
#include "civic-page-rows.h"
#include "civic-message-page.h"
#include "civic-time.h"
#include "civic-toast.h"

/* What the department needs of one message (互动交流), top to bottom:
 * what to do next (the actions the rules allow this official now, and
 * nothing else); the time to sign for it or to reply, with the way its
 * day is counted under the region's table; what the citizen wrote, and
 * who they are as the feed carries them (masked, PIPL Art. 28); the
 * thread — the replies as the citizen reads them, the internal notes in
 * their own tinted frame, never mistaken one for the other; the
 * transfers, objections, extension, visits and reopenings; and the
 * composer, whose reply and note are two widgets. Every action goes
 * through the sync engine: at once in the offline copy, and to the outbox
 * until the service takes it. */

struct _CivicMessagePage
{
  GtkBox                parent_instance;

  CivicSyncEngine      *engine;
  char                 *message_id;
  CivicMessage         *message;

  GtkWidget            *scrolled;
  GtkWidget            *content;
  CivicMessageComposer *composer;
  GCancellable         *cancellable;  /* files being read or fetched */
};

G_DEFINE_FINAL_TYPE (CivicMessagePage, civic_message_page, GTK_TYPE_BOX)

static guint toast_signal;

/* Files: added from a chooser, opened in the system's viewer */

typedef struct
{
  CivicMessagePage *self;
  char             *message_id;
  char             *sha256;
  char             *name;
  char             *media_type;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->self);
  g_free (opening->message_id);
  g_free (opening->sha256);
  g_free (opening->name);
  g_free (opening->media_type);
  g_free (opening);
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Opening *opening = user_data;
  CivicMessagePage *self = opening->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicReadFile) file = civic_file_read_finish (result, &error);
  g_autofree char *command = NULL;

  if (file != NULL && self->engine != NULL)
    command = civic_sync_engine_attach_message_file (self->engine, opening->message_id,
                                                     file->name, file->media_type, file->content,
                                                     &error);
  if (command != NULL)
    {
      /* Translators: a toast; the file's name */
      g_autofree char *text = g_strdup_printf (_("Added “%s”"), file->name);

      civic_toast_emit (self, toast_signal, text);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &civic_message_kind, CIVIC_MESSAGE_ACTION_ATTACH_FILE, error);
  opening_free (opening);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  Opening *opening = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    {
      opening_free (opening);
      return;
    }
  civic_file_read_async (file, opening->self->cancellable, file_read_cb, opening);
}

/* A letter scanned at the window, a photo the citizen brought: the file
 * goes with the message it was chosen for, whatever the page shows by
 * the time it is read */
static void
choose_file (CivicMessagePage *self,
             GtkWindow        *window)
{
  GtkFileChooserNative *chooser;
  Opening *opening = g_new0 (Opening, 1);

  opening->self = g_object_ref (self);
  opening->message_id = g_strdup (self->message_id);
  chooser = gtk_file_chooser_native_new (_("Add a File to the Message"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), opening);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Opening *opening = user_data;
  CivicMessagePage *self = opening->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = civic_api_client_message_file_finish (CIVIC_API_CLIENT (source),
                                                                    result, opening->sha256,
                                                                    &error);
  /* A private file in the runtime folder (gone at log out), which the
   * portal hands to the viewer: one folder per file, under its own name */
  g_autofree char *dir = g_build_filename (g_get_user_runtime_dir (), "civicdesk", "files",
                                           opening->sha256, NULL);
  g_autofree char *path = NULL;

  /* Under a name its type's, whatever the sender called it: the viewer
   * the desktop picks goes by the name */
  {
    g_autofree char *name = civic_attachment_name_is_valid (opening->name)
                            ? civic_attachment_name_for_type (opening->name, opening->media_type)
                            : civic_attachment_name_for_type ("file", opening->media_type);

    path = g_build_filename (dir, name, NULL);
  }

  if (content != NULL &&
      (g_mkdir_with_parents (dir, 0700) != 0 ||
       !g_file_set_contents_full (path, g_bytes_get_data (content, NULL),
                                  g_bytes_get_size (content), G_FILE_SET_CONTENTS_CONSISTENT,
                                  0600, &error)) && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
  if (error == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: a toast; the file's name, then why */
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be opened: %s"), opening->name,
                                               error->message);

      civic_toast_emit (self, toast_signal, text);
    }
  opening_free (opening);
}

static void
open_file_clicked (GtkButton *button,
                   gpointer   user_data)
{
  CivicMessagePage *self = user_data;
  const char *sha256 = g_object_get_data (G_OBJECT (button), "sha256");
  const CivicMessageAttachment *attachment;
  Opening *opening;

  if (self->engine == NULL || self->message == NULL ||
      (attachment = civic_message_find_attachment (self->message, sha256)) == NULL)
    return;
  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->message_id = g_strdup (self->message_id);
  opening->sha256 = g_strdup (sha256);
  opening->name = g_strdup (attachment->name);
  opening->media_type = g_strdup (attachment->media_type);
  civic_api_client_message_file_async (civic_sync_engine_get_client (self->engine),
                                       opening->message_id, sha256, self->cancellable,
                                       fetched_cb, opening);
}

/* Acting */

static const char *
past_tense (CivicMessageAction action)
{
  return civic_command_past_tense (civic_message_kind.action_to_string (action));
}

static gboolean
perform (CivicMessagePage    *self,
         CivicMessageAction   action,
         JsonObject          *args,
         GError             **error)
{
  g_autofree char *command = civic_sync_engine_perform_message (self->engine, self->message_id,
                                                                action, args, error);
  g_autoptr(CivicMessage) now = NULL;

  if (command == NULL)
    return FALSE;
  /* A reply that went to its reviewer has not reached the citizen: the
   * toast says where it is */
  now = civic_sync_engine_load_message (self->engine, self->message_id, NULL);
  if ((action == CIVIC_MESSAGE_ACTION_REPLY || action == CIVIC_MESSAGE_ACTION_ANSWER_IDEA) &&
      now != NULL && civic_message_get_state (now) == CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW)
    civic_toast_emit (self, toast_signal, _("The reply waits for review before it goes out"));
  else
    civic_toast_emit (self, toast_signal, past_tense (action));
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicMessagePage) self = user_data;
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
 * civic_message_page_send:
 * @part: a reply to the citizen or an internal note
 *
 * Sends what the composer holds as reply-message or note-message, and
 * empties that part once the offline copy has it.
 */
gboolean
civic_message_page_send (CivicMessagePage   *self,
                         CivicComposerPart   part,
                         const char         *text,
                         GError            **error)
{
  g_autoptr(JsonObject) args = json_object_new ();
  CivicMessageAction action = part == CIVIC_COMPOSER_REPLY ? CIVIC_MESSAGE_ACTION_REPLY
                                                           : CIVIC_MESSAGE_ACTION_NOTE;

  g_return_val_if_fail (CIVIC_IS_MESSAGE_PAGE (self), FALSE);

  json_object_set_string_member (args, "text", text);
  if (!perform (self, action, args, error))
    return FALSE;
  civic_message_composer_clear (self->composer, part);
  return TRUE;
}

static void
composer_send_cb (CivicMessagePage *self,
                  int               part,
                  const char       *text)
{
  g_autoptr(GError) error = NULL;

  if (self->engine == NULL || self->message == NULL)
    return;
  if (!civic_message_page_send (self, part, text, &error))
    civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &civic_message_kind,
                               part == CIVIC_COMPOSER_REPLY ? CIVIC_MESSAGE_ACTION_REPLY
                                                            : CIVIC_MESSAGE_ACTION_NOTE,
                               error);
}

/**
 * civic_message_page_start_action:
 *
 * Takes @action on the message shown through its form; a reply and a
 * note are written in the composer.
 */
void
civic_message_page_start_action (CivicMessagePage   *self,
                                 CivicMessageAction  action)
{
  GtkWindow *window;
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_MESSAGE_PAGE (self));

  if (self->message == NULL || self->engine == NULL)
    return;
  if (action == CIVIC_MESSAGE_ACTION_REPLY || action == CIVIC_MESSAGE_ACTION_NOTE)
    {
      civic_message_composer_show (self->composer, action == CIVIC_MESSAGE_ACTION_REPLY
                                                   ? CIVIC_COMPOSER_REPLY : CIVIC_COMPOSER_NOTE);
      return;
    }

  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (action == CIVIC_MESSAGE_ACTION_ATTACH_FILE)
    {
      choose_file (self, window);
      return;
    }
  if (!civic_action_takes_arguments (&civic_message_kind, action))
    {
      g_autoptr(JsonObject) none = json_object_new ();
      g_autoptr(GError) error = NULL;

      if (!perform (self, action, none, &error))
        civic_action_show_refusal (window, &civic_message_kind, action, error);
      return;
    }
  dialog = civic_action_dialog_new (window, self->engine, &civic_message_kind,
                                    G_OBJECT (self->message), action, 1);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  guint action;

  if (civic_message_kind.action_from_string (g_variant_get_string (parameter, NULL), &action))
    civic_message_page_start_action (CIVIC_MESSAGE_PAGE (widget), action);
}

/* Building */

static gboolean
has_action (GArray             *actions,
            CivicMessageAction  wanted)
{
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, guint, i) == wanted)
      return TRUE;
  return FALSE;
}

/* The step that moves the message on, for where it stands */
static gboolean
next_step (CivicMessage       *message,
           GArray             *actions,
           CivicMessageAction *step)
{
  static const struct
  {
    CivicMessageState  state;
    CivicMessageAction action;
  } steps[] = {
    { CIVIC_MESSAGE_STATE_NEW, CIVIC_MESSAGE_ACTION_SIGN_FOR },
    { CIVIC_MESSAGE_STATE_SIGNED_FOR, CIVIC_MESSAGE_ACTION_REPLY },
    { CIVIC_MESSAGE_STATE_IN_PROGRESS, CIVIC_MESSAGE_ACTION_REPLY },
    { CIVIC_MESSAGE_STATE_REOPENED, CIVIC_MESSAGE_ACTION_REPLY },
    { CIVIC_MESSAGE_STATE_SENT_BACK, CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK },
    { CIVIC_MESSAGE_STATE_REPLY_IN_REVIEW, CIVIC_MESSAGE_ACTION_REVIEW_REPLY },
    { CIVIC_MESSAGE_STATE_REPLIED, CIVIC_MESSAGE_ACTION_CLOSE },
  };

  /* An idea being judged: scored, then shortlisted, then answered */
  if (civic_message_get_kind (message) == CIVIC_MESSAGE_KIND_IDEA)
    {
      CivicMessageAction wanted = civic_message_get_idea_status (message) ==
                                  CIVIC_IDEA_STATUS_SHORTLISTED
                                  ? CIVIC_MESSAGE_ACTION_ANSWER_IDEA
                                  : civic_message_get_idea_scores (message)->len == 0
                                  ? CIVIC_MESSAGE_ACTION_SCORE_IDEA
                                  : CIVIC_MESSAGE_ACTION_SHORTLIST_IDEA;

      if (civic_message_get_state (message) != CIVIC_MESSAGE_STATE_NEW &&
          has_action (actions, wanted))
        {
          *step = wanted;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].state == civic_message_get_state (message) &&
        has_action (actions, steps[i].action))
      {
        *step = steps[i].action;
        return TRUE;
      }
  return FALSE;
}

static char *
action_text (CivicMessageAction action)
{
  gboolean form = civic_action_takes_arguments (&civic_message_kind, action) &&
                  action != CIVIC_MESSAGE_ACTION_REPLY && action != CIVIC_MESSAGE_ACTION_NOTE;

  return g_strdup_printf ("%s%s", civic_message_action_get_label (action), form ? "…" : "");
}

/* The next step as the one suggested button; the rest in a menu */
static void
add_actions (CivicMessagePage *self,
             GArray           *actions)
{
  g_autoptr(GMenu) others = g_menu_new ();
  CivicMessageAction step = 0;
  gboolean has_step = next_step (self->message, actions, &step);
  GtkWidget *box;

  if (actions->len == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicMessageAction action = g_array_index (actions, guint, i);
      g_autofree char *label = action_text (action);
      const char *nick = civic_message_kind.action_to_string (action);
      g_autofree char *detailed = g_strdup_printf ("message.act::%s", nick);

      if (has_step && action == step)
        {
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_prepend (GTK_BOX (box), button);
        }
      else if (action != CIVIC_MESSAGE_ACTION_NOTE)
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

/* The time to sign for it or to reply, and how its day is counted under
 * the region's table */
static void
add_clock (CivicMessagePage *self,
           CivicCalendar    *calendar,
           CivicDay          today)
{
  g_auto(CivicMessageClockReading) reading = { 0 };
  g_autoptr(CivicClock) clock = NULL;
  const CivicClockReading *r;
  GtkWidget *group, *trace, *row, *chip;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  if (!civic_message_read_clock (self->message, calendar, today, &reading))
    {
      if (civic_message_get_terms (self->message) == NULL &&
          civic_message_is_open (self->message))
        {
          group = civic_page_group_new (self->content, _("Time Limits"));
          civic_page_row_new (group, _("Not Counted Yet"),
                   _("The region’s time limits apply once the service records the message"));
        }
      return;
    }
  r = reading.reading;
  clock = civic_message_dup_clock (self->message, calendar, reading.step);
  due = civic_page_format_day (r->due);
  title = reading.step == CIVIC_MESSAGE_STEP_SIGN_FOR ? _("Sign For By") : _("Reply By");
  group = civic_page_group_new (self->content, reading.step == CIVIC_MESSAGE_STEP_SIGN_FOR ? _("Time to Sign For")
                                                                       : _("Time to Reply"));
  if (r->completed_on != CIVIC_DAY_INVALID)
    {
      g_autofree char *done = civic_page_format_day (r->completed_on);

      subtitle = r->late
                 /* Translators: "Done 2026-04-20, after its due day 2026-04-17" */
                 ? g_strdup_printf (_("Done %s, after its due day %s"), done, due)
                 /* Translators: "Done 2026-04-20; it was due 2026-04-24" */
                 : g_strdup_printf (_("Done %s; it was due %s"), done, due);
    }
  else
    subtitle = g_strdup (due);
  row = civic_page_row_new (group, r->extended ? _("Reply By, Extended") : title, subtitle);
  chip = civic_due_chip_new_explained ();
  civic_due_chip_set_clock (CIVIC_DUE_CHIP (chip), clock, calendar, today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
  if (civic_clock_get_legal_basis (clock) != NULL)
    civic_page_row_new (group, _("Source of the Limit"), civic_clock_get_legal_basis (clock));

  trace = civic_page_group_new (self->content, _("How the Day Is Counted"));
  for (guint i = 0; r->trace != NULL && i < r->trace->len; i++)
    {
      const CivicTraceStep *step = g_ptr_array_index (r->trace, i);
      GtkWidget *line = civic_page_line_new (trace, step->text, NULL);

      if (step->kind == CIVIC_TRACE_DUE)
        gtk_widget_add_css_class (line, "heading");
    }
}

/* What the citizen wrote, and who they are as the feed has them */
static void add_files (CivicMessagePage *self,
                       GArray           *actions);

/* What the citizen wrote, the files they sent with it, and who they are */
static void
add_citizen_text (CivicMessagePage *self,
                  GArray           *actions)
{
  CivicMessage *message = self->message;
  const CivicMessageCitizen *citizen = civic_message_get_citizen (message);
  const CivicMessageLocation *location = civic_message_get_location (message);
  GtkWidget *group = civic_page_group_new (self->content, _("What the Citizen Wrote"));
  GtkWidget *body = gtk_label_new (civic_message_get_body (message));
  g_autofree char *received = civic_page_format_day (civic_message_get_received_on (message));
  g_autofree char *how = NULL;

  /* Translators: "Complaint · 12345 Hotline · received 2026-03-20" */
  how = g_strdup_printf (_("%s · %s · received %s"),
                         civic_message_kind_get_label (civic_message_get_kind (message)),
                         civic_message_channel_get_label (civic_message_get_channel (message)),
                         received ? received : "—");
  civic_page_row_new (group, civic_message_get_subject (message), how);
  if (location->address != NULL)
    civic_page_row_new (group, _("Where the Matter Is"), location->address);
  /* The text itself, as written, in a card of its own under its facts */
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "card");
  gtk_widget_add_css_class (body, "citizen-text");
  gtk_widget_set_margin_top (body, 12);
  civic_accessible_set_name (body, _("What the citizen wrote"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), body);

  add_files (self, actions);

  group = civic_page_group_new (self->content, _("The Citizen"));
  if (citizen->anonymous)
    civic_page_row_new (group, _("Name"), _("Anonymous"));
  else
    {
      civic_page_row_new (group, _("Name"), citizen->name);
      if (citizen->phone != NULL)
        civic_page_row_new (group, _("Phone"), citizen->phone);
      if (citizen->email != NULL)
        civic_page_row_new (group, _("E-mail"), citizen->email);
      if (citizen->address != NULL)
        civic_page_row_new (group, _("Address"), citizen->address);
    }
}

/* The files the message came with or was given since, each opened from
 * the service (an opening it records); the photo an Open311 app pointed
 * at, by its address only */
static void
add_files (CivicMessagePage *self,
           GArray           *actions)
{
  GPtrArray *attachments = civic_message_get_attachments (self->message);
  const char *media_url = civic_message_get_media_url (self->message);
  GtkWidget *group;

  if (attachments->len == 0 && media_url == NULL &&
      !has_action (actions, CIVIC_MESSAGE_ACTION_ATTACH_FILE))
    return;
  group = civic_page_group_new (self->content, _("Files"));
  if (has_action (actions, CIVIC_MESSAGE_ACTION_ATTACH_FILE))
    {
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a File…"));
      g_autofree char *detailed = g_strdup_printf ("message.act::%s",
                                                   civic_message_kind.action_to_string (
                                                     CIVIC_MESSAGE_ACTION_ATTACH_FILE));

      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (add), detailed);
      gtk_widget_add_css_class (add, "flat");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
    }
  if (attachments->len == 0 && media_url == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No files came with this message"));
  for (guint i = 0; i < attachments->len; i++)
    {
      const CivicMessageAttachment *attachment = g_ptr_array_index (attachments, i);
      gboolean waiting = civic_sync_engine_message_file_is_waiting (self->engine,
                                                                    self->message_id,
                                                                    attachment->sha256);
      const char *type = civic_attachment_media_type_get_label (attachment->media_type);
      g_autofree char *size = attachment->size > 0 ? g_format_size (attachment->size) : NULL;
      g_autofree char *day = civic_page_format_day (attachment->added_on);
      g_autofree char *how = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *open_name = NULL;
      GtkWidget *row, *open;

      how = waiting
            ? g_strdup (_("on this computer until the next sync"))
            : attachment->added_by_name != NULL
            /* Translators: "added by 王小明 on 2026-03-20" */
            ? g_strdup_printf (_("added by %s on %s"), attachment->added_by_name, day ? day : "—")
            : g_strdup (_("came with the message"));
      /* Translators: "PNG image · 12.3 kB · came with the message" */
      subtitle = size != NULL ? g_strdup_printf (_("%s · %s · %s"), type, size, how)
                              : g_strdup_printf (_("%s · %s"), type, how);
      row = civic_page_row_new (group, attachment->name, subtitle);
      open = gtk_button_new_from_icon_name ("document-open-symbolic");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      /* Translators: a button's accessible name and tooltip; the file's name */
      open_name = g_strdup_printf (_("Open “%s”"), attachment->name);
      civic_accessible_set_name (open, open_name);
      gtk_widget_set_tooltip_text (open, waiting ? _("Opens once the file has gone to the service")
                                                 : open_name);
      gtk_widget_set_sensitive (open, !waiting);
      g_object_set_data_full (G_OBJECT (open), "sha256", g_strdup (attachment->sha256), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (open_file_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  /* Shown, not followed: an address a request names may be anyone's */
  if (media_url != NULL)
    civic_page_row_new (group, _("Photo’s Address (Open311)"), media_url);
}

/* The thread: each reply as the citizen reads it, each note in its own
 * tinted frame, by the time written */
typedef struct
{
  GDateTime  *at;
  gboolean    note;
  gconstpointer item;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->at == NULL || y->at == NULL)
    return (x->at == NULL) - (y->at == NULL);
  return g_date_time_compare (x->at, y->at);
}

static const char *
reply_status_label (CivicMessageReplyStatus status)
{
  switch (status)
    {
    case CIVIC_MESSAGE_REPLY_IN_REVIEW: return _("waiting for review");
    case CIVIC_MESSAGE_REPLY_RETURNED: return _("returned for changes, not sent");
    case CIVIC_MESSAGE_REPLY_SENT: return _("sent to the citizen");
    default: return "";
    }
}

/* A reply or a note: what it is, in words; who wrote it and when; its
 * text */
static GtkWidget *
card_new (const char *heading,
          const char *byline,
          const char *text,
          const char *css_class,
          const char *accessible)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *by = gtk_label_new (byline);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, css_class);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (by), 0);
  gtk_widget_add_css_class (by, "caption");
  gtk_widget_add_css_class (by, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_margin_top (body, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), by);
  gtk_box_append (GTK_BOX (box), body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return box;
}

static void
add_thread (CivicMessagePage *self)
{
  GPtrArray *replies = civic_message_get_replies (self->message);
  GPtrArray *notes = civic_message_get_notes (self->message);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GtkWidget *heading, *thread;

  for (guint i = 0; i < replies->len; i++)
    {
      const CivicMessageReply *reply = g_ptr_array_index (replies, i);
      Entry entry = { reply->at, FALSE, reply };

      g_array_append_val (entries, entry);
    }
  for (guint i = 0; i < notes->len; i++)
    {
      const CivicMessageNote *note = g_ptr_array_index (notes, i);
      Entry entry = { note->at, TRUE, note };

      g_array_append_val (entries, entry);
    }
  if (entries->len == 0)
    return;
  g_array_sort (entries, compare_entries);

  heading = gtk_label_new (_("Replies and Notes"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  thread = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  civic_accessible_set_name (thread, _("Replies and notes"));
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *at = civic_time_format_local (entry->at);
      g_autofree char *byline = NULL;
      g_autofree char *accessible = NULL;

      if (entry->note)
        {
          const CivicMessageNote *note = entry->item;

          /* Translators: who wrote a note or a reply, and when: "王芳 · 2026-03-20 10:00" */
          byline = g_strdup_printf (_("%s · %s"), note->by_name ? note->by_name : "", at);
          /* Translators: a note as a screen reader says it */
          accessible = g_strdup_printf (_("Internal note by %s, not shown to the citizen"),
                                        note->by_name ? note->by_name : "");
          gtk_box_append (GTK_BOX (thread),
                          card_new (_("Internal note — not shown to the citizen"), byline,
                                    note->text, "internal-note", accessible));
        }
      else
        {
          const CivicMessageReply *reply = entry->item;
          g_autofree char *said = NULL;

          byline = g_strdup_printf (_("%s · %s"), reply->by_name ? reply->by_name : "", at);
          /* Translators: "Reply to the citizen — sent to the citizen" */
          said = g_strdup_printf (_("Reply to the citizen — %s"),
                                  reply_status_label (reply->status));
          /* Translators: a reply as a screen reader says it: by whom, where it stands */
          accessible = g_strdup_printf (_("Reply to the citizen by %s, %s"),
                                        reply->by_name ? reply->by_name : "",
                                        reply_status_label (reply->status));
          gtk_box_append (GTK_BOX (thread), card_new (said, byline, reply->text,
                                                      "public-reply", accessible));
        }
    }
  gtk_box_append (GTK_BOX (self->content), heading);
  gtk_box_append (GTK_BOX (self->content), thread);
}

/* An idea's campaign, where it stands in it, and who scored it how */
static void
add_idea (CivicMessagePage *self)
{
  CivicMessage *message = self->message;
  GPtrArray *scores = civic_message_get_idea_scores (message);
  const char *campaign_id = civic_message_get_campaign_id (message);
  g_autoptr(GObject) campaign = NULL;
  g_autofree char *mean = NULL;
  GtkWidget *group;

  if (civic_message_get_kind (message) != CIVIC_MESSAGE_KIND_IDEA)
    return;
  if (campaign_id != NULL)
    campaign = civic_cache_load_record (civic_sync_engine_get_cache (self->engine),
                                        &civic_campaign_kind, campaign_id, NULL);
  group = civic_page_group_new (self->content, _("In Its Campaign"));
  civic_page_row_new (group, _("Campaign"),
                      campaign != NULL ? civic_campaign_get_title (CIVIC_CAMPAIGN (campaign))
                                       : campaign_id);
  civic_page_row_new (group, _("Where It Stands"),
                      civic_idea_status_get_label (civic_message_get_idea_status (message)));
  mean = scores->len > 0
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mean %.1f of 10, %u score",
                                         "Mean %.1f of 10, %u scores", scores->len),
                            civic_message_get_idea_mean (message), scores->len)
         : g_strdup (_("Not scored yet"));
  civic_page_row_new (group, _("Scores"), mean);
  for (guint i = 0; i < scores->len; i++)
    {
      const CivicIdeaScore *score = g_ptr_array_index (scores, i);
      g_autofree char *on = civic_page_format_day (score->on);
      /* Translators: one official's score of an idea: "8 of 10" */
      g_autofree char *value = g_strdup_printf (_("%d of 10"), score->score);
      /* Translators: who scored, and when: "周局长 · 2026-10-12" */
      g_autofree char *detail = g_strdup_printf (_("%s · %s"),
                                                 score->by_name ? score->by_name : "", on);

      civic_page_line_new (group, value, detail);
    }
}

/* Transfers, objections, the extension, visits and reopenings, by day */
static void
add_history (CivicMessagePage *self)
{
  CivicMessage *message = self->message;
  GPtrArray *routes = civic_message_get_routes (message);
  GPtrArray *visits = civic_message_get_visits (message);
  GPtrArray *reopenings = civic_message_get_reopenings (message);
  GPtrArray *replies = civic_message_get_replies (message);
  const CivicMessageExtension *extension = civic_message_get_extension (message);
  GtkWidget *group = civic_page_group_new (self->content, _("History"));
  g_autofree char *received = civic_page_format_day (civic_message_get_received_on (message));
  g_autofree char *signed_for = civic_page_format_day (civic_message_get_signed_for_on (message));

  civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_REGISTER), received);
  for (guint i = 0; i < routes->len; i++)
    {
      const CivicMessageRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *on = civic_page_format_day (route->on);
      g_autofree char *detail = NULL;

      /* Translators: "2026-03-20 · 王芳 · Not within our remit: 属城管职责" */
      detail = g_strdup_printf (_("%s · %s · %s%s%s"), on, route->by_name ? route->by_name : "",
                                civic_message_routing_get_label (route->reason),
                                route->text ? ": " : "", route->text ? route->text : "");
      civic_page_line_new (group, past_tense (route->send_back ? CIVIC_MESSAGE_ACTION_SEND_BACK
                                                    : CIVIC_MESSAGE_ACTION_TRANSFER), detail);
      if (route->send_back && route->dispute != CIVIC_MESSAGE_DISPUTE_PENDING)
        {
          g_autofree char *decided = civic_page_format_day (route->decided_on);
          g_autofree char *said = g_strdup_printf (_("%s · %s · %s"), decided,
                                                   route->decided_by_name ? route->decided_by_name
                                                                          : "",
                                                   route->decision_text ? route->decision_text
                                                                        : "");

          civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_DECIDE_SEND_BACK), said);
        }
    }
  if (signed_for != NULL)
    civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_SIGN_FOR), signed_for);
  if (extension != NULL)
    {
      g_autofree char *on = civic_page_format_day (extension->on);
      g_autofree char *detail = g_strdup_printf (_("%s · %s · %s"), on,
                                                 extension->approved_by_name
                                                 ? extension->approved_by_name : "",
                                                 extension->reason);

      civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_EXTEND), detail);
    }
  /* Each reply's way: written, reviewed, sent or returned */
  for (guint i = 0; i < replies->len; i++)
    {
      const CivicMessageReply *reply = g_ptr_array_index (replies, i);
      g_autoptr(GDateTime) local = reply->at != NULL ? g_date_time_to_local (reply->at) : NULL;
      g_autofree char *written = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
      g_autofree char *sent = civic_page_format_day (reply->sent_on);
      g_autofree char *detail = NULL;
      const char *line;

      switch (reply->status)
        {
        case CIVIC_MESSAGE_REPLY_SENT:
          line = past_tense (CIVIC_MESSAGE_ACTION_REPLY);
          detail = reply->reviewed_by_name != NULL
                   /* Translators: "2026-03-25 · 王芳 · approved by 赵审核" */
                   ? g_strdup_printf (_("%s · %s · approved by %s"), sent,
                                      reply->by_name ? reply->by_name : "",
                                      reply->reviewed_by_name)
                   : g_strdup_printf (_("%s · %s"), sent, reply->by_name ? reply->by_name : "");
          break;
        case CIVIC_MESSAGE_REPLY_RETURNED:
          line = _("Reply returned by the reviewer");
          detail = g_strdup_printf (_("%s · %s"), written ? written : "",
                                    reply->reviewed_by_name ? reply->reviewed_by_name : "");
          break;
        case CIVIC_MESSAGE_REPLY_IN_REVIEW:
        default:
          line = _("Reply written, waiting for review");
          detail = g_strdup_printf (_("%s · %s"), written ? written : "",
                                    reply->by_name ? reply->by_name : "");
          break;
        }
      civic_page_line_new (group, line, detail);
    }
  if (civic_message_get_closed_on (message) != CIVIC_DAY_INVALID)
    {
      g_autofree char *closed = civic_page_format_day (civic_message_get_closed_on (message));
      g_autofree char *detail = g_strdup_printf (_("%s · %s"), closed,
                                                 civic_message_outcome_get_label (
                                                   civic_message_get_outcome (message)));

      civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_CLOSE), detail);
    }
  for (guint i = 0; i < visits->len; i++)
    {
      const CivicMessageVisit *visit = g_ptr_array_index (visits, i);
      g_autofree char *on = civic_page_format_day (visit->on);
      g_autofree char *detail = g_strdup_printf (
        /* Translators: "2026-03-25 · By phone · Satisfied · 已电话回访" */
        _("%s · %s · %s · %s"), on, civic_message_visit_channel_get_label (visit->channel),
        civic_message_satisfaction_get_label (visit->satisfaction), visit->record);

      civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_RETURN_VISIT), detail);
    }
  for (guint i = 0; i < reopenings->len; i++)
    {
      const CivicMessageReopening *reopening = g_ptr_array_index (reopenings, i);
      g_autofree char *on = civic_page_format_day (reopening->on);
      g_autofree char *detail = g_strdup_printf (_("%s · %s"), on, reopening->reason);

      civic_page_line_new (group, past_tense (CIVIC_MESSAGE_ACTION_REOPEN), detail);
    }
}

static void
clear_content (CivicMessagePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

void
civic_message_page_reload (CivicMessagePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *describe = NULL;
  CivicCalendar *calendar;
  CivicDay today = civic_time_today ();
  GtkWidget *title, *subtitle;

  g_return_if_fail (CIVIC_IS_MESSAGE_PAGE (self));

  clear_content (self);
  g_clear_object (&self->message);
  if (self->engine == NULL || self->message_id == NULL)
    {
      civic_message_composer_set_message (self->composer, NULL, FALSE, FALSE);
      return;
    }

  self->message = civic_sync_engine_load_message (self->engine, self->message_id, &error);
  if (self->message == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-question-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Such Message"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_box_append (GTK_BOX (self->content), status);
      civic_message_composer_set_message (self->composer, NULL, FALSE, FALSE);
      return;
    }
  calendar = civic_sync_engine_get_calendar (self->engine);
  actions = civic_sync_engine_list_record_actions (self->engine, &civic_message_kind,
                                                   G_OBJECT (self->message));

  headline = civic_message_kind.headline (G_OBJECT (self->message));
  describe = civic_message_kind.describe (G_OBJECT (self->message));
  title = gtk_label_new (headline);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  subtitle = gtk_label_new (describe);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->content), title);
  gtk_box_append (GTK_BOX (self->content), subtitle);

  add_actions (self, actions);
  add_idea (self);
  add_clock (self, calendar, today);
  add_citizen_text (self, actions);
  add_thread (self);
  civic_document_rows_add (self->content, self->engine,
                           civic_message_get_documents (self->message));
  add_history (self);
  {
    g_autoptr(JsonNode) templates = civic_cache_load_entity (
      civic_sync_engine_get_cache (self->engine), CIVIC_ENTITY_TEMPLATE,
      CIVIC_TEMPLATE_MESSAGE_REPLIES, NULL);

    civic_message_composer_set_templates (self->composer, templates);
  }
  civic_message_composer_set_message (self->composer, self->message,
                                      has_action (actions, CIVIC_MESSAGE_ACTION_REPLY),
                                      has_action (actions, CIVIC_MESSAGE_ACTION_NOTE));
}

void
civic_message_page_show_message (CivicMessagePage *self,
                                 const char       *message_id)
{
  g_return_if_fail (CIVIC_IS_MESSAGE_PAGE (self));

  if (g_strcmp0 (self->message_id, message_id) != 0)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->scrolled);

      g_free (self->message_id);
      self->message_id = g_strdup (message_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
    }
  civic_message_page_reload (self);
}

const char *
civic_message_page_get_message_id (CivicMessagePage *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_PAGE (self), NULL);
  return self->message_id;
}

/**
 * civic_message_page_get_message:
 *
 * Returns: (transfer none) (nullable): the message as shown
 */
CivicMessage *
civic_message_page_get_message (CivicMessagePage *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_PAGE (self), NULL);
  return self->message;
}

/**
 * civic_message_page_get_composer:
 *
 * Returns: (transfer none): the page's composer
 */
CivicMessageComposer *
civic_message_page_get_composer (CivicMessagePage *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_PAGE (self), NULL);
  return self->composer;
}

void
civic_message_page_set_engine (CivicMessagePage *self,
                               CivicSyncEngine  *engine)
{
  g_return_if_fail (CIVIC_IS_MESSAGE_PAGE (self));

  if (!g_set_object (&self->engine, engine))
    return;
  civic_message_page_reload (self);
}

static void
civic_message_page_dispose (GObject *object)
{
  CivicMessagePage *self = CIVIC_MESSAGE_PAGE (object);

  if (self->content != NULL)
    clear_content (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->message);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->message_id, g_free);

  G_OBJECT_CLASS (civic_message_page_parent_class)->dispose (object);
}

static void
civic_message_page_class_init (CivicMessagePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_message_page_dispose;
  toast_signal = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "message.act", "s", act_activated);
}

static void
civic_message_page_init (CivicMessagePage *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->cancellable = g_cancellable_new ();
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  self->composer = CIVIC_MESSAGE_COMPOSER (civic_message_composer_new ());
  g_signal_connect_swapped (self->composer, "send", G_CALLBACK (composer_send_cb), self);
  gtk_box_append (GTK_BOX (column), self->content);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->composer));
  gtk_widget_set_margin_top (column, 18);
  gtk_widget_set_margin_bottom (column, 24);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_box_append (GTK_BOX (self), self->scrolled);
}

GtkWidget *
civic_message_page_new (void)
{
  return g_object_new (CIVIC_TYPE_MESSAGE_PAGE, NULL);
}
