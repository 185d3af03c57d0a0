/* civic-message-composer.c — the reply to the citizen and the internal note, apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message-composer"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-message-composer.h"
#include "civic-privacy-lint.h"
#include "civic-reply-lint.h"

/* Where an official writes on a message. Its two parts are two widgets
 * with two buffers: a reply to the citizen and an internal note never
 * share a text, so switching between them carries nothing across — the
 * worst failure of ticket systems is a note that reached the citizen
 * (Zammad #4496), and here the note's words have no way into the reply's
 * buffer but the official's own typing. The reply is read as it is
 * typed: the reply lint (a "no" without its reason or its remedy, a
 * blank left, a note's sentence carried over) blocks sending while a
 * finding stands; the privacy lint says what the public side will mask;
 * the preview shows the reply as the public side will show it. The page
 * sends what the composer gives with "send". */

struct _CivicMessageComposer
{
  GtkBox            parent_instance;

  CivicMessage     *message;      /* (nullable): the message written on */
  gboolean          may_reply;
  gboolean          may_note;

  AdwViewStack     *stack;
  GtkWidget        *switcher;
  GtkTextView      *reply_view;
  GtkTextView      *note_view;
  GtkWidget        *reply_page;
  GtkWidget        *note_page;
  GtkListBox       *findings_list;
  GtkWidget        *findings_group;
  GtkToggleButton  *preview_button;
  GtkRevealer      *preview_revealer;
  GtkLabel         *preview_label;
  GtkButton        *send_reply_button;
  GtkMenuButton    *templates_button;
  GMenu            *templates_menu;
  JsonNode         *templates;    /* (nullable): the reply templates' table */
  GPtrArray        *shown_templates; /* the texts offered for the message's kind */
  GtkButton        *add_note_button;
  GtkLabel         *reply_hint;

  GPtrArray        *findings;     /* CivicReplyFinding of the reply as it is */
  gboolean          blocked;
  guint             lint_source;
};

G_DEFINE_FINAL_TYPE (CivicMessageComposer, civic_message_composer, GTK_TYPE_BOX)

enum { SIGNAL_SEND, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The notes' texts, for the lint's check that none is copied */
static GStrv
dup_notes (CivicMessageComposer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *notes = self->message != NULL ? civic_message_get_notes (self->message) : NULL;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_strv_builder_add (builder, ((CivicMessageNote *) g_ptr_array_index (notes, i))->text);
  return g_strv_builder_end (builder);
}

static void
add_finding_row (CivicMessageComposer *self,
                 const char           *text,
                 gboolean              blocking)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (blocking ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  g_autofree char *name = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set (row, "title-lines", 0, NULL);
  gtk_widget_add_css_class (icon, blocking ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* Translators: a finding on a reply as a screen reader says it:
   * "Blocks sending: The reply says no without a reason" */
  name = g_strdup_printf (blocking ? _("Blocks sending: %s") : _("Warning: %s"), text);
  civic_accessible_set_name (row, name);
  gtk_list_box_append (self->findings_list, row);
}

/* The reply as the public side shows it: what the privacy lint finds,
 * masked */
static char *
public_version (const char *text,
                GPtrArray  *privacy)
{
  char *masked = civic_privacy_redact (text, -1, privacy, CIVIC_PRIVACY_SEVERITY_INFO, NULL);

  return masked != NULL ? masked : g_strdup (text);
}

static void
update_send_buttons (CivicMessageComposer *self)
{
  g_autofree char *reply = buffer_text (self->reply_view);
  g_autofree char *note = buffer_text (self->note_view);

  gtk_widget_set_sensitive (GTK_WIDGET (self->send_reply_button),
                            self->may_reply && !self->blocked && !is_blank (reply));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_note_button),
                            self->may_note && !is_blank (note));
}

static void
lint_reply (CivicMessageComposer *self)
{
  g_autofree char *text = buffer_text (self->reply_view);
  g_auto(GStrv) notes = dup_notes (self);
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) privacy = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *child;
  CivicMessageKind kind = self->message != NULL ? civic_message_get_kind (self->message)
                                                : CIVIC_MESSAGE_KIND_CONSULTATION;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->findings_list, 0))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->blocked = FALSE;

  if (!is_blank (text))
    {
      self->findings = civic_reply_lint_check (text, kind, (const char * const *) notes);
      for (guint i = 0; i < self->findings->len; i++)
        {
          const CivicReplyFinding *finding = g_ptr_array_index (self->findings, i);
          g_autofree char *said = civic_reply_finding_describe (finding, text);

          self->blocked |= finding->blocking;
          add_finding_row (self, said, finding->blocking);
        }
      privacy = civic_privacy_lint_scan (lint, text, -1);
      for (guint i = 0; privacy != NULL && i < privacy->len; i++)
        {
          const CivicPrivacyFinding *finding = g_ptr_array_index (privacy, i);
          g_autofree char *said = g_strdup_printf (
            /* Translators: a privacy finding in a reply: "An ID number:
             * the citizen reads it; the public side masks it" */
            _("%s: the citizen reads it; the public side masks it"),
            civic_privacy_kind_get_label (finding->kind));

          add_finding_row (self, said, FALSE);
        }
    }
  gtk_widget_set_visible (self->findings_group,
                          gtk_list_box_get_row_at_index (self->findings_list, 0) != NULL);

  shown = privacy != NULL ? public_version (text, privacy) : g_strdup (text);
  gtk_label_set_label (self->preview_label,
                       is_blank (shown) ? _("Nothing written yet") : shown);
  update_send_buttons (self);
}

static gboolean
lint_timeout_cb (gpointer user_data)
{
  CivicMessageComposer *self = user_data;

  self->lint_source = 0;
  lint_reply (self);
  return G_SOURCE_REMOVE;
}

static void
reply_changed_cb (CivicMessageComposer *self)
{
  /* Read again once typing pauses; the send button waits for it */
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_reply_button), FALSE);
  g_clear_handle_id (&self->lint_source, g_source_remove);
  self->lint_source = g_timeout_add (150, lint_timeout_cb, self);
}

static void
note_changed_cb (CivicMessageComposer *self)
{
  update_send_buttons (self);
}

static void
send_reply_cb (CivicMessageComposer *self)
{
  g_autofree char *text = NULL;

  /* What was typed since the last reading is read now */
  if (self->lint_source != 0)
    {
      g_clear_handle_id (&self->lint_source, g_source_remove);
      lint_reply (self);
    }
  if (!civic_message_composer_can_send (self, CIVIC_COMPOSER_REPLY))
    return;
  text = buffer_text (self->reply_view);
  g_signal_emit (self, signals[SIGNAL_SEND], 0, CIVIC_COMPOSER_REPLY, text);
}

static void
add_note_cb (CivicMessageComposer *self)
{
  g_autofree char *text = NULL;

  if (!civic_message_composer_can_send (self, CIVIC_COMPOSER_NOTE))
    return;
  text = buffer_text (self->note_view);
  g_signal_emit (self, signals[SIGNAL_SEND], 0, CIVIC_COMPOSER_NOTE, text);
}

/* Templates: the replies officials start from, for the message's kind,
 * their placeholders filled from the message; a blank (【请填写…】) stays
 * for the official, and the reply lint keeps the reply from going while
 * one is left */

/**
 * civic_message_composer_use_template:
 * @index: which of the templates offered for the message's kind
 *
 * Starts the reply from a template: the whole reply when it is empty,
 * else at the cursor.
 */
void
civic_message_composer_use_template (CivicMessageComposer *self,
                                     guint                 index)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *filled = NULL;

  g_return_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self));
  g_return_if_fail (self->shown_templates != NULL && index < self->shown_templates->len);

  buffer = gtk_text_view_get_buffer (self->reply_view);
  filled = civic_message_fill_template (self->message, g_ptr_array_index (self->shown_templates,
                                                                          index));
  text = buffer_text (self->reply_view);
  if (is_blank (text))
    gtk_text_buffer_set_text (buffer, filled, -1);
  else
    gtk_text_buffer_insert_at_cursor (buffer, filled, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->reply_view));
}

/* A menu's item, so that a screen reader reads the templates as the
 * choices of a menu */
static void
use_template_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CivicMessageComposer *self = CIVIC_MESSAGE_COMPOSER (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < self->shown_templates->len)
    civic_message_composer_use_template (self, index);
}

static void
fill_templates (CivicMessageComposer *self)
{
  JsonObject *kinds = NULL;
  JsonArray *list = NULL;
  const char *kind;

  g_menu_remove_all (self->templates_menu);
  g_ptr_array_set_size (self->shown_templates, 0);
  if (self->templates != NULL && self->message != NULL && JSON_NODE_HOLDS_OBJECT (self->templates))
    {
      kinds = civic_json_lookup_object (json_node_get_object (self->templates), "kinds");
      kind = civic_enum_to_nick (CIVIC_TYPE_MESSAGE_KIND, civic_message_get_kind (self->message));
      if (kinds != NULL && json_object_has_member (kinds, kind) &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (kinds, kind)))
        list = json_object_get_array_member (kinds, kind);
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *template = civic_json_array_lookup_object (list, i);
      const char *title = template ? civic_json_lookup_string (template, "title", NULL) : NULL;
      const char *text = template ? civic_json_lookup_string (template, "text", NULL) : NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (title == NULL || text == NULL)
        continue;
      item = g_menu_item_new (title, NULL);
      g_menu_item_set_action_and_target_value (item, "composer.use-template",
                                               g_variant_new_uint32 (self->shown_templates->len));
      g_menu_append_item (self->templates_menu, item);
      g_ptr_array_add (self->shown_templates, g_strdup (text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->templates_button), self->shown_templates->len > 0);
}

/**
 * civic_message_composer_set_templates:
 * @table: (nullable): the reply templates as the feed carries them
 */
void
civic_message_composer_set_templates (CivicMessageComposer *self,
                                      JsonNode             *table)
{
  g_return_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self));

  g_clear_pointer (&self->templates, json_node_unref);
  self->templates = table != NULL ? json_node_ref (table) : NULL;
  fill_templates (self);
}

guint
civic_message_composer_get_n_templates (CivicMessageComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self), 0);
  return self->shown_templates->len;
}

static void
preview_toggled_cb (CivicMessageComposer *self)
{
  gtk_revealer_set_reveal_child (self->preview_revealer,
                                 gtk_toggle_button_get_active (self->preview_button));
}

/* Building */

static GtkTextView *
text_view_new (const char *name)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 120);
  civic_accessible_set_name (view, name);
  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
framed (GtkTextView *view)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (view));
  return frame;
}

static GtkWidget *
build_reply_page (CivicMessageComposer *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *preview_title = gtk_label_new (_("As the Public Side Shows It"));

  self->reply_view = text_view_new (_("Reply to the citizen"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reply_view), "changed",
                            G_CALLBACK (reply_changed_cb), self);
  self->reply_hint = GTK_LABEL (gtk_label_new (
    _("The citizen reads this reply. A reply to a complaint or a report is reviewed before it "
      "goes.")));
  gtk_label_set_wrap (self->reply_hint, TRUE);
  gtk_label_set_xalign (self->reply_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->reply_hint), "dim-label");

  self->findings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->findings_group),
                                   _("Before It Goes"));
  self->findings_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->findings_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_list), "boxed-list");
  civic_accessible_set_name (GTK_WIDGET (self->findings_list), _("Findings on the reply"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->findings_group),
                             GTK_WIDGET (self->findings_list));
  gtk_widget_set_visible (self->findings_group, FALSE);

  gtk_label_set_xalign (GTK_LABEL (preview_title), 0);
  gtk_widget_add_css_class (preview_title, "heading");
  /* Never empty, so never a focusable label a screen reader cannot name */
  self->preview_label = GTK_LABEL (gtk_label_new (_("Nothing written yet")));
  gtk_label_set_wrap (self->preview_label, TRUE);
  gtk_label_set_xalign (self->preview_label, 0);
  gtk_label_set_selectable (self->preview_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "public-reply");
  gtk_box_append (GTK_BOX (preview_box), preview_title);
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->preview_label));
  self->preview_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->preview_revealer, preview_box);

  self->preview_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Preview")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_button),
                               _("Show the reply as the public side shows it: personal details "
                                 "masked, the citizen’s own name among them"));
  g_signal_connect_swapped (self->preview_button, "toggled", G_CALLBACK (preview_toggled_cb),
                            self);
  self->send_reply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Send Reply")));
  gtk_widget_add_css_class (GTK_WIDGET (self->send_reply_button), "suggested-action");
  gtk_widget_set_hexpand (GTK_WIDGET (self->send_reply_button), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->send_reply_button), GTK_ALIGN_END);
  g_signal_connect_swapped (self->send_reply_button, "clicked", G_CALLBACK (send_reply_cb), self);
  {
    self->templates_menu = g_menu_new ();
    self->templates_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
    gtk_menu_button_set_label (self->templates_button, _("_Templates"));
    gtk_menu_button_set_use_underline (self->templates_button, TRUE);
    gtk_menu_button_set_menu_model (self->templates_button, G_MENU_MODEL (self->templates_menu));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->templates_button),
                                 _("Start the reply from one of the replies for this kind of "
                                   "message"));
    gtk_widget_set_visible (GTK_WIDGET (self->templates_button), FALSE);
  }
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->templates_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->preview_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->send_reply_button));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reply_hint));
  gtk_box_append (GTK_BOX (box), framed (self->reply_view));
  gtk_box_append (GTK_BOX (box), self->findings_group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_revealer));
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static GtkWidget *
build_note_page (CivicMessageComposer *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *hint = gtk_label_new (_("Officials only: an internal note is never shown to the "
                                     "citizen or on the public side."));
  GtkWidget *frame;

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  self->note_view = text_view_new (_("Internal note"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
  frame = framed (self->note_view);
  gtk_widget_add_css_class (frame, "internal-note");
  self->add_note_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Note")));
  gtk_widget_set_halign (GTK_WIDGET (self->add_note_button), GTK_ALIGN_END);
  g_signal_connect_swapped (self->add_note_button, "clicked", G_CALLBACK (add_note_cb), self);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_note_button));
  return box;
}

/* API */

GtkWidget *
civic_message_composer_new (void)
{
  return g_object_new (CIVIC_TYPE_MESSAGE_COMPOSER, NULL);
}

/**
 * civic_message_composer_set_message:
 * @message: (nullable): the message written on; %NULL for none
 * @may_reply: whether the rules let the official reply now
 * @may_note: whether they let them note
 *
 * Points the composer at @message. What is written stays while the
 * message is the same one (it changed on the service, or the official
 * acted); another message starts both parts empty.
 */
void
civic_message_composer_set_message (CivicMessageComposer *self,
                                    CivicMessage         *message,
                                    gboolean              may_reply,
                                    gboolean              may_note)
{
  gboolean same;

  g_return_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self));

  same = self->message != NULL && message != NULL &&
         g_strcmp0 (civic_message_get_id (self->message), civic_message_get_id (message)) == 0;
  g_set_object (&self->message, message);
  self->may_reply = may_reply;
  self->may_note = may_note;
  if (!same)
    {
      civic_message_composer_clear (self, CIVIC_COMPOSER_REPLY);
      civic_message_composer_clear (self, CIVIC_COMPOSER_NOTE);
    }
  gtk_widget_set_visible (self->reply_page, may_reply);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, self->reply_page),
                                   may_reply);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, self->note_page),
                                   may_note);
  gtk_widget_set_visible (GTK_WIDGET (self), may_reply || may_note);
  if (!may_reply && may_note)
    civic_message_composer_show (self, CIVIC_COMPOSER_NOTE);
  fill_templates (self);
  lint_reply (self);
}

void
civic_message_composer_show (CivicMessageComposer *self,
                             CivicComposerPart     part)
{
  g_return_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self));

  adw_view_stack_set_visible_child (self->stack, part == CIVIC_COMPOSER_REPLY ? self->reply_page
                                                                              : self->note_page);
  gtk_widget_grab_focus (GTK_WIDGET (part == CIVIC_COMPOSER_REPLY ? self->reply_view
                                                                  : self->note_view));
}

CivicComposerPart
civic_message_composer_get_shown (CivicMessageComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self), CIVIC_COMPOSER_REPLY);
  return adw_view_stack_get_visible_child (self->stack) == self->note_page ? CIVIC_COMPOSER_NOTE
                                                                           : CIVIC_COMPOSER_REPLY;
}

/**
 * civic_message_composer_get_buffer:
 *
 * Returns: (transfer none): the buffer of @part: two parts, two buffers
 */
GtkTextBuffer *
civic_message_composer_get_buffer (CivicMessageComposer *self,
                                   CivicComposerPart     part)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self), NULL);
  return gtk_text_view_get_buffer (part == CIVIC_COMPOSER_REPLY ? self->reply_view
                                                                : self->note_view);
}

/**
 * civic_message_composer_get_findings:
 *
 * Returns: (transfer none) (nullable) (element-type CivicReplyFinding):
 * the reply lint's findings on the reply as last read
 */
GPtrArray *
civic_message_composer_get_findings (CivicMessageComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self), NULL);
  if (self->lint_source != 0)
    {
      g_clear_handle_id (&self->lint_source, g_source_remove);
      lint_reply (self);
    }
  return self->findings;
}

gboolean
civic_message_composer_can_send (CivicMessageComposer *self,
                                 CivicComposerPart     part)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self), FALSE);

  civic_message_composer_get_findings (self);
  text = buffer_text (part == CIVIC_COMPOSER_REPLY ? self->reply_view : self->note_view);
  if (is_blank (text))
    return FALSE;
  return part == CIVIC_COMPOSER_REPLY ? self->may_reply && !self->blocked : self->may_note;
}

void
civic_message_composer_clear (CivicMessageComposer *self,
                              CivicComposerPart     part)
{
  g_return_if_fail (CIVIC_IS_MESSAGE_COMPOSER (self));
  gtk_text_buffer_set_text (civic_message_composer_get_buffer (self, part), "", -1);
}

static void
civic_message_composer_dispose (GObject *object)
{
  CivicMessageComposer *self = CIVIC_MESSAGE_COMPOSER (object);

  g_clear_handle_id (&self->lint_source, g_source_remove);
  g_clear_object (&self->message);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->templates, json_node_unref);
  g_clear_pointer (&self->shown_templates, g_ptr_array_unref);
  g_clear_object (&self->templates_menu);
  G_OBJECT_CLASS (civic_message_composer_parent_class)->dispose (object);
}

static void
civic_message_composer_class_init (CivicMessageComposerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = civic_message_composer_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "composer.use-template", "u",
                                   use_template_activated);

  /**
   * CivicMessageComposer::send:
   * @part: a #CivicComposerPart: a reply or a note
   * @text: what was written
   *
   * The official sends a reply the lint lets go, or adds a note.
   */
  signals[SIGNAL_SEND] = g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT,
                                       G_TYPE_STRING);
}

static void
civic_message_composer_init (CivicMessageComposer *self)
{
  AdwViewStackPage *page;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  self->shown_templates = g_ptr_array_new_with_free_func (g_free);
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  self->reply_page = build_reply_page (self);
  self->note_page = build_note_page (self);
  page = adw_view_stack_add_titled (self->stack, self->reply_page, "reply",
                                    _("Reply to the Citizen"));
  adw_view_stack_page_set_icon_name (page, "mail-reply-sender-symbolic");
  page = adw_view_stack_add_titled (self->stack, self->note_page, "note", _("Internal Note"));
  adw_view_stack_page_set_icon_name (page, "accessories-text-editor-symbolic");
  self->switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (self->switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (self->switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  civic_accessible_set_name (self->switcher, _("Reply or internal note"));
  gtk_box_append (GTK_BOX (self), self->switcher);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
  update_send_buttons (self);
}
