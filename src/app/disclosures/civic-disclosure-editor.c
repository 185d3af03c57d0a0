/* civic-disclosure-editor.c — one disclosure: its text, its findings, its metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-attachments-pane.h"
#include "civic-core-enums.h"
#include "civic-diff-view.h"
#include "civic-disclosure-editor.h"
#include "civic-form.h"
#include "civic-markdown-preview.h"
#include "civic-toast.h"

/* The page of one disclosure. The text is Markdown in a source view,
 * linted as it is typed with the organ's policy, so that what would
 * block publishing (OGI Art. 15; PIPL Art. 25) is seen and redacted
 * where it is written rather than refused at review. Beside it: the
 * findings, the catalogue's metadata (Art. 12), and the actions the rules
 * allow this official now. The text is kept on this computer a second
 * after the last keystroke, so a draft written offline survives a crash;
 * Save makes it a version (save-disclosure), sent when the service is
 * reachable. */

struct _CivicDisclosureEditor
{
  GtkBox                 parent_instance;

  /* Widgets */
  GtkWidget             *toolbar;
  GtkWidget             *state_label;
  GtkWidget             *actions_box;
  GtkWidget             *save_button;
  GtkStack              *views;
  GtkSourceView         *source_view;
  GtkSourceBuffer       *buffer;
  CivicMarkdownPreview  *preview;
  CivicDiffView         *diff;
  AdwPreferencesGroup   *findings_group;
  GtkListBox            *findings_list;
  GtkWidget             *redact_all_button;
  CivicAttachmentsPane  *attachments;
  AdwPreferencesGroup   *metadata_group;
  AdwEntryRow           *title_row;
  AdwComboRow           *category_row;
  AdwEntryRow           *formed_on_row;
  GtkWidget             *columns_row;
  AdwEntryRow           *keywords_row;

  /* State */
  CivicSyncEngine       *engine;
  CivicLintHighlighter  *highlighter;
  CivicDisclosure       *disclosure;
  char                  *disclosure_id;
  GHashTable            *redacted;        /* keys of findings redacted since the last save */
  gboolean               editable;
  gboolean               reviewer;        /* may acknowledge findings */
  gboolean               loading;         /* the text is set, not typed */
  guint                  autosave_source;
};

G_DEFINE_FINAL_TYPE (CivicDisclosureEditor, civic_disclosure_editor, GTK_TYPE_BOX)

static guint toast_signal;

/* The text kept on this computer */

/**
 * civic_disclosure_draft_key:
 *
 * Returns: (transfer full): the cache's meta key under which the text
 * being written for @disclosure_id is kept as it is typed
 */
char *
civic_disclosure_draft_key (const char *disclosure_id)
{
  g_return_val_if_fail (disclosure_id != NULL, NULL);

  return g_strconcat ("disclosure-draft/", disclosure_id, NULL);
}

static char *
buffer_text (CivicDisclosureEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE);
}

static void
keep_draft (CivicDisclosureEditor *self,
            const char            *text)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->engine == NULL || self->disclosure_id == NULL)
    return;
  key = civic_disclosure_draft_key (self->disclosure_id);
  if (text != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "base_version");
      json_builder_add_int_value (builder, self->disclosure
                                           ? civic_disclosure_get_head_version (self->disclosure)
                                           : 0);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      value = json_to_string (node, FALSE);
    }
  /* An empty value is no draft: the meta table keeps no NULL */
  if (!civic_cache_set_meta (civic_sync_engine_get_cache (self->engine), key, value ? value : "",
                             &error))
    g_warning ("The text being written cannot be kept: %s", error->message);
}

static gboolean
autosave_cb (gpointer data)
{
  CivicDisclosureEditor *self = data;
  g_autofree char *text = buffer_text (self);

  self->autosave_source = 0;
  keep_draft (self, text);
  return G_SOURCE_REMOVE;
}

/* The kept text, if it is newer than the record's: written on the
 * record's head version (or a later one) and not what it says */
static char *
dup_newer_draft (CivicDisclosureEditor *self)
{
  g_autofree char *key = civic_disclosure_draft_key (self->disclosure_id);
  g_autofree char *value = civic_cache_dup_meta (civic_sync_engine_get_cache (self->engine), key);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *text;

  if (value == NULL || *value == '\0' || (node = json_from_string (value, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  text = json_object_get_string_member_with_default (object, "text", NULL);
  if (text == NULL ||
      json_object_get_int_member_with_default (object, "base_version", 0) <
      civic_disclosure_get_head_version (self->disclosure) ||
      g_strcmp0 (text, civic_disclosure_get_body (self->disclosure) ?: "") == 0)
    return NULL;
  return g_strdup (text);
}

/* Findings */

static void
update_blocking (CivicDisclosureEditor *self)
{
  guint n = civic_lint_highlighter_get_n_blocking (self->highlighter);
  guint all = g_list_model_get_n_items (civic_lint_highlighter_get_findings (self->highlighter));
  g_autofree char *blocking = NULL;
  g_autofree char *description = NULL;

  blocking = n > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding blocks publishing",
                                    "%u findings block publishing", n), n)
    : g_strdup (_("Nothing blocks publishing"));
  adw_preferences_group_set_description (self->findings_group, blocking);
  /* Translators: the text editor as a screen reader describes it */
  description = g_strdup_printf (_("Markdown; %s"), blocking);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_sensitive (self->redact_all_button, self->editable && all > 0);
}

static void
remember_redacted (CivicDisclosureEditor *self,
                   CivicLintFinding      *finding)
{
  if (civic_lint_finding_get_key (finding) != NULL)
    g_hash_table_add (self->redacted, g_strdup (civic_lint_finding_get_key (finding)));
}

/**
 * civic_disclosure_editor_redact:
 *
 * Masks @finding in the text, as the organ's policy masks (one step of
 * undo), and remembers it for the next save's `redacted`.
 */
void
civic_disclosure_editor_redact (CivicDisclosureEditor *self,
                                CivicLintFinding      *finding)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self));
  g_return_if_fail (CIVIC_IS_LINT_FINDING (finding));

  if (!self->editable)
    return;
  g_object_ref (finding);
  remember_redacted (self, finding);
  civic_lint_highlighter_redact (self->highlighter, finding);
  g_object_unref (finding);
}

static void
redact_clicked (GtkButton             *button,
                CivicDisclosureEditor *self)
{
  civic_disclosure_editor_redact (self, g_object_get_data (G_OBJECT (button), "finding"));
}

static void
redact_all_clicked (GtkButton             *button,
                    CivicDisclosureEditor *self)
{
  GListModel *findings = civic_lint_highlighter_get_findings (self->highlighter);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->findings_list);
  g_autoptr(CivicLintFinding) chosen = NULL;
  CivicPrivacyKind kind;
  guint n;

  if (!self->editable || g_list_model_get_n_items (findings) == 0)
    return;
  chosen = g_list_model_get_item (findings, row ? (guint) gtk_list_box_row_get_index (row) : 0);
  if (chosen == NULL)
    return;
  kind = civic_lint_finding_get_kind (chosen);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CivicLintFinding) finding = g_list_model_get_item (findings, i);

      if (civic_lint_finding_get_kind (finding) == kind)
        remember_redacted (self, finding);
    }
  n = civic_lint_highlighter_redact_all_of_kind (self->highlighter, kind);
  if (n > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding redacted: %s",
                                      "%u findings redacted: %s", n), n,
                         civic_privacy_kind_get_label (kind));

      civic_toast_emit (self, toast_signal, text);
    }
}

static void
acknowledge_clicked (GtkButton             *button,
                     CivicDisclosureEditor *self)
{
  CivicLintFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  g_autoptr(JsonObject) args = json_object_new ();

  json_object_set_string_member (args, "key", civic_lint_finding_get_key (finding));
  civic_disclosure_editor_start_action (self, CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE, args);
}

static void
finding_activated (GtkListBox            *list,
                   GtkListBoxRow         *row,
                   CivicDisclosureEditor *self)
{
  CivicLintFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  GtkTextIter start, end;

  if (finding == NULL || !civic_lint_finding_get_bounds (finding, &start, &end))
    return;
  gtk_stack_set_visible_child_name (self->views, "text");
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &start, 0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static GtkWidget *
small_button (const char *label,
              const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  civic_accessible_set_name (button, name);
  return button;
}

static const char *
severity_class (CivicPrivacySeverity severity)
{
  switch (severity)
    {
    case CIVIC_PRIVACY_SEVERITY_BLOCK: return "error";
    case CIVIC_PRIVACY_SEVERITY_WARN: return "warning";
    case CIVIC_PRIVACY_SEVERITY_INFO:
    default: return "dim-label";
    }
}

/* A finding: its kind and severity, the line, what the lint says; and
 * what may be done with it here */
static GtkWidget *
finding_row_new (gpointer item,
                 gpointer user_data)
{
  CivicDisclosureEditor *self = user_data;
  CivicLintFinding *finding = item;
  CivicPrivacyKind kind = civic_lint_finding_get_kind (finding);
  CivicPrivacySeverity severity = civic_lint_finding_get_severity (finding);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading, *where, *message, *button;
  GtkTextIter start, end;
  guint line = 0;
  g_autofree char *where_text = NULL;
  g_autofree char *name = NULL;

  if (civic_lint_finding_get_bounds (finding, &start, &end))
    line = gtk_text_iter_get_line (&start) + 1;
  heading = gtk_label_new (civic_privacy_kind_get_label (kind));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  /* Translators: how grave a finding of the privacy lint is, and its line */
  where_text = g_strdup_printf (_("%s · line %u"), civic_privacy_severity_get_label (severity),
                                line);
  where = gtk_label_new (where_text);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "caption-heading");
  gtk_widget_add_css_class (where, severity_class (severity));
  message = gtk_label_new (civic_lint_finding_get_message (finding));
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "dim-label");
  gtk_box_append (GTK_BOX (text), heading);
  gtk_box_append (GTK_BOX (text), where);
  gtk_box_append (GTK_BOX (text), message);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (self->editable)
    {
      button = small_button (_("_Redact"), _("Redact"));
      gtk_widget_set_tooltip_text (button, _("Mask it as the organ's policy says"));
      g_object_set_data_full (G_OBJECT (button), "finding", g_object_ref (finding), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (redact_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  if (self->reviewer && civic_lint_finding_get_key (finding) != NULL)
    {
      button = small_button (_("Mark as _Public…"), _("Mark as Public…"));
      gtk_widget_set_tooltip_text (button, _("Publish it unmasked, saying on what ground"));
      g_object_set_data_full (G_OBJECT (button), "finding", g_object_ref (finding), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (acknowledge_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  /* Translators: a finding as a screen reader says it: its kind, how
   * grave and where, then the lint's words */
  name = g_strdup_printf (_("%s, %s: %s"), civic_privacy_kind_get_label (kind), where_text,
                          civic_lint_finding_get_message (finding));
  civic_accessible_set_name (row, name);
  return row;
}

static void
bind_findings (CivicDisclosureEditor *self)
{
  gtk_list_box_bind_model (self->findings_list,
                           civic_lint_highlighter_get_findings (self->highlighter),
                           finding_row_new, self, NULL);
}

/* The other views of the text */

static void
update_other_views (CivicDisclosureEditor *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->views);
  g_autofree char *text = NULL;

  if (g_strcmp0 (visible, "preview") != 0 && g_strcmp0 (visible, "history") != 0)
    return;
  text = buffer_text (self);
  if (g_str_equal (visible, "preview"))
    civic_markdown_preview_set_markdown (self->preview, text);
  else
    {
      guint version = self->disclosure ? civic_disclosure_get_head_version (self->disclosure) : 0;
      g_autofree char *old_title = version > 0
        ? g_strdup_printf (_("Version %u"), version) : g_strdup (_("Not saved yet"));

      civic_diff_view_set_texts (self->diff, old_title,
                                 self->disclosure ? civic_disclosure_get_body (self->disclosure) : "",
                                 _("Now"), text);
    }
}

static void
buffer_changed (CivicDisclosureEditor *self)
{
  update_other_views (self);
  if (self->loading || !self->editable)
    return;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (CIVIC_DISCLOSURE_EDITOR_AUTOSAVE_MS, autosave_cb, self);
}

static void
update_scheme (CivicDisclosureEditor *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");

  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "oblivion" : "classic");
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

/* The record */

static void
set_text (CivicDisclosureEditor *self,
          const char            *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  self->loading = TRUE;
  /* Undo goes back to what was typed here, not to another record */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;
}

static void
configure_lint (CivicDisclosureEditor *self)
{
  g_autoptr(CivicDisclosurePolicy) policy = civic_sync_engine_load_disclosure_policy (self->engine);
  g_autoptr(CivicPrivacyLint) lint = civic_disclosure_new_lint (self->disclosure, policy);

  civic_lint_highlighter_set_disclosure_id (self->highlighter, self->disclosure_id);
  civic_lint_highlighter_configure (self->highlighter, lint);
}

static char *
join_names (const char * const *names)
{
  /* Typed back separated by the Chinese enumeration comma, which the
   * form's NAMES reads as it reads a comma */
  return names != NULL ? g_strjoinv ("、", (char **) names) : g_strdup ("");
}

static void
fill_metadata (CivicDisclosureEditor *self)
{
  CivicDisclosure *d = self->disclosure;
  CivicDay formed = civic_disclosure_get_formed_on (d);
  g_autofree char *formed_text = formed != CIVIC_DAY_INVALID ? civic_day_format (formed)
                                                             : g_strdup ("");
  g_autofree char *keywords = join_names (civic_disclosure_get_keywords (d));
  g_autoptr(GPtrArray) columns = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), civic_disclosure_get_title (d) ?: "");
  adw_combo_row_set_selected (self->category_row, civic_disclosure_get_category (d));
  gtk_editable_set_text (GTK_EDITABLE (self->formed_on_row), formed_text);
  /* The organ's columns as the feed has brought them */
  columns = civic_form_options (self->engine,
                                civic_arguments_find (civic_disclosure_action_get_arguments (
                                                        CIVIC_DISCLOSURE_ACTION_SAVE), "columns"),
                                G_OBJECT (d));
  civic_form_checklist_row_fill (self->columns_row, columns);
  gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), keywords);
  gtk_widget_set_sensitive (GTK_WIDGET (self->metadata_group), self->editable);
}

static void action_clicked (GtkButton             *button,
                            CivicDisclosureEditor *self);

static gboolean
shown_as_button (CivicDisclosureAction action)
{
  switch (action)
    {
    case CIVIC_DISCLOSURE_ACTION_SUBMIT:
    case CIVIC_DISCLOSURE_ACTION_REVIEW:
    case CIVIC_DISCLOSURE_ACTION_SCHEDULE:
    case CIVIC_DISCLOSURE_ACTION_UNSCHEDULE:
    case CIVIC_DISCLOSURE_ACTION_PUBLISH:
    case CIVIC_DISCLOSURE_ACTION_REVISE:
    case CIVIC_DISCLOSURE_ACTION_WITHDRAW:
    case CIVIC_DISCLOSURE_ACTION_SET_VALIDITY:
    case CIVIC_DISCLOSURE_ACTION_COMMENT:
      return TRUE;
    /* Save has its own button, a finding's acknowledgement its row; the
     * rest are the service's own or made elsewhere */
    default:
      return FALSE;
    }
}

/* What this official may do with it now, and nothing else */
static void
fill_actions (CivicDisclosureEditor *self)
{
  g_autoptr(GArray) actions = civic_sync_engine_list_record_actions (self->engine,
                                                                     &civic_disclosure_kind,
                                                                     G_OBJECT (self->disclosure));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->actions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->actions_box), child);

  self->reviewer = FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      CivicDisclosureAction action = g_array_index (actions, guint, i);
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (action == CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE)
        self->reviewer = TRUE;
      if (!shown_as_button (action))
        continue;
      label = g_strdup_printf ("%s%s", civic_disclosure_action_get_label (action),
                               civic_action_takes_arguments (&civic_disclosure_kind, action)
                               ? "…" : "");
      button = gtk_button_new_with_label (label);
      civic_accessible_set_name (button, label);
      g_object_set_data (G_OBJECT (button), "action", GUINT_TO_POINTER (action));
      g_signal_connect (button, "clicked", G_CALLBACK (action_clicked), self);
      if (action == CIVIC_DISCLOSURE_ACTION_WITHDRAW)
        gtk_widget_add_css_class (button, "destructive-action");
      gtk_box_append (GTK_BOX (self->actions_box), button);
    }
}

/**
 * civic_disclosure_editor_reload:
 *
 * Reads the disclosure again from the offline copy: its state, its
 * actions, its metadata; its text only if nothing was typed since.
 */
void
civic_disclosure_editor_reload (CivicDisclosureEditor *self)
{
  g_autoptr(CivicDisclosure) disclosure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  const char *index_number;

  g_return_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self));

  if (self->engine == NULL || self->disclosure_id == NULL)
    return;
  disclosure = civic_sync_engine_load_disclosure (self->engine, self->disclosure_id, &error);
  if (disclosure == NULL)
    return;
  g_set_object (&self->disclosure, disclosure);

  self->editable = civic_disclosure_get_state (disclosure) == CIVIC_DISCLOSURE_STATE_DRAFT &&
                   civic_sync_engine_check_action (self->engine, &civic_disclosure_kind,
                                                   self->disclosure_id,
                                                   CIVIC_DISCLOSURE_ACTION_SAVE, NULL);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view), self->editable);
  gtk_widget_set_sensitive (self->save_button, self->editable);
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    {
      g_autofree char *text = buffer_text (self);

      if (g_strcmp0 (text, civic_disclosure_get_body (disclosure) ?: "") != 0)
        set_text (self, civic_disclosure_get_body (disclosure));
    }

  index_number = civic_disclosure_get_index_number (disclosure);
  /* Translators: where a disclosure stands: its state, and its index number once it has one */
  state = index_number != NULL
    ? g_strdup_printf (_("%s · %s"),
                       civic_disclosure_state_get_label (civic_disclosure_get_state (disclosure)),
                       index_number)
    : g_strdup (civic_disclosure_state_get_label (civic_disclosure_get_state (disclosure)));
  gtk_label_set_text (GTK_LABEL (self->state_label), state);

  fill_actions (self);
  fill_metadata (self);
  civic_attachments_pane_show (self->attachments, disclosure,
                               self->editable &&
                               civic_sync_engine_check_action (self->engine, &civic_disclosure_kind,
                                                               self->disclosure_id,
                                                               CIVIC_DISCLOSURE_ACTION_ATTACH_FILE,
                                                               NULL),
                               self->reviewer);
  configure_lint (self);
  /* The rows' buttons follow who may do what */
  bind_findings (self);
  update_blocking (self);
  update_other_views (self);
}

/**
 * civic_disclosure_editor_show_disclosure:
 *
 * Opens the disclosure, with the text written here and not saved yet if
 * it is newer than the record's (a crash, or a window closed offline).
 */
void
civic_disclosure_editor_show_disclosure (CivicDisclosureEditor *self,
                                         const char            *disclosure_id)
{
  g_autofree char *draft = NULL;

  g_return_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self));

  if (self->autosave_source != 0 && self->disclosure_id != NULL)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      autosave_cb (self);
    }
  if (self->disclosure_id != disclosure_id)
    {
      g_free (self->disclosure_id);
      self->disclosure_id = g_strdup (disclosure_id);
    }
  g_clear_object (&self->disclosure);
  g_hash_table_remove_all (self->redacted);
  set_text (self, "");
  gtk_stack_set_visible_child_name (self->views, "text");
  civic_disclosure_editor_reload (self);
  if (self->disclosure == NULL)
    return;

  if (self->editable && (draft = dup_newer_draft (self)) != NULL)
    {
      set_text (self, draft);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), TRUE);
      civic_toast_emit (self, toast_signal, _("Restored unsaved text"));
    }
}

const char *
civic_disclosure_editor_get_disclosure_id (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return self->disclosure_id;
}

CivicDisclosure *
civic_disclosure_editor_get_disclosure (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return self->disclosure;
}

gboolean
civic_disclosure_editor_get_editable (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), FALSE);
  return self->editable;
}

/* Saving */

static void
add_names (JsonObject *args,
           const char *member,
           const char *typed)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,，、]", typed, 0, 0);
  JsonArray *array = json_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));

      if (*name != '\0')
        json_array_add_string_element (array, name);
    }
  json_object_set_array_member (args, member, array);
}

static gboolean
names_differ (const char * const *names,
              const char         *typed)
{
  g_autofree char *joined = join_names (names);

  return g_strcmp0 (joined, typed) != 0;
}

/* The metadata typed beside the text, where it differs from the record's */
static void
add_metadata (CivicDisclosureEditor *self,
              JsonObject            *args)
{
  CivicDisclosure *d = self->disclosure;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *formed = gtk_editable_get_text (GTK_EDITABLE (self->formed_on_row));
  const char *keywords = gtk_editable_get_text (GTK_EDITABLE (self->keywords_row));
  guint category = adw_combo_row_get_selected (self->category_row);
  CivicDay day;

  if (g_strcmp0 (title, civic_disclosure_get_title (d) ?: "") != 0)
    json_object_set_string_member (args, "title", title);
  if (category != GTK_INVALID_LIST_POSITION && category != civic_disclosure_get_category (d))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_CATEGORY);
      GEnumValue *value = g_enum_get_value (enum_class, category);

      if (value != NULL)
        json_object_set_string_member (args, "category", value->value_nick);
    }
  if (civic_day_parse (formed, &day) && day != civic_disclosure_get_formed_on (d))
    json_object_set_string_member (args, "formed_on", formed);
  {
    GPtrArray *checks = civic_form_checklist_row_get_checks (self->columns_row);
    g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
    const char * const *had = civic_disclosure_get_columns (d);
    gboolean differ;

    for (guint i = 0; i < checks->len; i++)
      if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
        g_ptr_array_add (chosen, g_object_get_data (g_ptr_array_index (checks, i), "civic-value"));
    differ = chosen->len != (had != NULL ? g_strv_length ((char **) had) : 0);
    for (guint i = 0; i < chosen->len && !differ; i++)
      differ = !g_strv_contains (had, g_ptr_array_index (chosen, i));
    if (differ)
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; i < chosen->len; i++)
          json_array_add_string_element (array, g_ptr_array_index (chosen, i));
        json_object_set_array_member (args, "columns", array);
      }
  }
  if (names_differ (civic_disclosure_get_keywords (d), keywords))
    add_names (args, "keywords", keywords);
}

/* The findings redacted since the last save and not brought back by undo */
static JsonArray *
redacted_keys (CivicDisclosureEditor *self)
{
  GListModel *findings = civic_lint_highlighter_get_findings (self->highlighter);
  g_autoptr(GHashTable) still = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *keys = json_array_new ();
  GHashTableIter iter;
  const char *key;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CivicLintFinding) finding = g_list_model_get_item (findings, i);

      if (civic_lint_finding_get_key (finding) != NULL)
        g_hash_table_add (still, (gpointer) civic_lint_finding_get_key (finding));
    }
  g_hash_table_iter_init (&iter, self->redacted);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (still, key))
      json_array_add_string_element (keys, key);
  return keys;
}

/**
 * civic_disclosure_editor_save:
 *
 * Saves the text and the metadata typed as the disclosure's next version
 * (save-disclosure on the head version the official edited), in the
 * offline copy at once and sent when the service is reachable.
 */
gboolean
civic_disclosure_editor_save (CivicDisclosureEditor  *self,
                              GError                **error)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *text = NULL;
  g_autofree char *command = NULL;

  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), FALSE);

  if (self->engine == NULL || self->disclosure == NULL)
    return TRUE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  text = buffer_text (self);
  json_object_set_string_member (args, "body", text);
  json_object_set_int_member (args, "base_version",
                              civic_disclosure_get_head_version (self->disclosure));
  json_object_set_array_member (args, "redacted", redacted_keys (self));
  add_metadata (self, args);

  command = civic_sync_engine_perform_disclosure (self->engine, self->disclosure_id,
                                                  CIVIC_DISCLOSURE_ACTION_SAVE, args, error);
  if (command == NULL)
    {
      /* The text stays here, and says why it was not taken */
      keep_draft (self, text);
      return FALSE;
    }
  keep_draft (self, NULL);
  g_hash_table_remove_all (self->redacted);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
  civic_disclosure_editor_reload (self);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CivicDisclosureEditor *self = CIVIC_DISCLOSURE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!self->editable)
    return;
  if (civic_disclosure_editor_save (self, &error))
    civic_toast_emit (self, toast_signal, civic_command_past_tense ("save-disclosure"));
  else
    civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (widget)), &civic_disclosure_kind,
                               CIVIC_DISCLOSURE_ACTION_SAVE, error);
}

static void
next_finding_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CivicDisclosureEditor *self = CIVIC_DISCLOSURE_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter from, start, end;
  CivicLintFinding *finding;

  gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));
  finding = civic_lint_highlighter_next_finding (self->highlighter, &from,
                                                 g_str_equal (action_name,
                                                              "editor.previous-finding"));
  if (finding == NULL || !civic_lint_finding_get_bounds (finding, &start, &end))
    return;
  gtk_stack_set_visible_child_name (self->views, "text");
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &start, 0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* Acting */

static gboolean
perform (CivicDisclosureEditor  *self,
         CivicDisclosureAction   action,
         JsonObject             *args,
         GError                **error)
{
  g_autofree char *command = NULL;

  /* What is typed goes with the text it is submitted with */
  if (action == CIVIC_DISCLOSURE_ACTION_SUBMIT && self->editable &&
      gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)) &&
      !civic_disclosure_editor_save (self, error))
    return FALSE;
  command = civic_sync_engine_perform_disclosure (self->engine, self->disclosure_id, action, args,
                                                  error);
  if (command == NULL)
    return FALSE;
  civic_toast_emit (self, toast_signal,
                    civic_command_past_tense (civic_disclosure_kind.action_to_string (action)));
  civic_disclosure_editor_reload (self);
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicDisclosureEditor) self = user_data;
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
 * civic_disclosure_editor_start_action:
 * @args: (nullable): what to fill the form with: a finding's key
 *
 * Takes @action on the disclosure shown: at once if it asks for nothing,
 * else through its dialog.
 */
void
civic_disclosure_editor_start_action (CivicDisclosureEditor *self,
                                      CivicDisclosureAction  action,
                                      JsonObject            *args)
{
  GtkWindow *window;
  CivicActionDialog *dialog;

  g_return_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self));

  if (self->disclosure == NULL || self->engine == NULL)
    return;
  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!civic_action_takes_arguments (&civic_disclosure_kind, action))
    {
      g_autoptr(JsonObject) none = json_object_new ();
      g_autoptr(GError) error = NULL;

      if (!perform (self, action, none, &error))
        civic_action_show_refusal (window, &civic_disclosure_kind, action, error);
      return;
    }
  dialog = civic_action_dialog_new (window, self->engine, &civic_disclosure_kind,
                                    G_OBJECT (self->disclosure), action, 1);
  if (args != NULL)
    civic_action_dialog_set_args (dialog, args);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

static void
action_clicked (GtkButton             *button,
                CivicDisclosureEditor *self)
{
  civic_disclosure_editor_start_action (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                                   "action")),
                                        NULL);
}

/* Accessors for tests and the view */

CivicAttachmentsPane *
civic_disclosure_editor_get_attachments (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return self->attachments;
}

GtkTextBuffer *
civic_disclosure_editor_get_buffer (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return GTK_TEXT_BUFFER (self->buffer);
}

CivicLintHighlighter *
civic_disclosure_editor_get_highlighter (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return self->highlighter;
}

GtkListBox *
civic_disclosure_editor_get_findings_list (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return self->findings_list;
}

GtkStack *
civic_disclosure_editor_get_views (CivicDisclosureEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self), NULL);
  return self->views;
}

void
civic_disclosure_editor_set_engine (CivicDisclosureEditor *self,
                                    CivicSyncEngine       *engine)
{
  g_return_if_fail (CIVIC_IS_DISCLOSURE_EDITOR (self));

  if (self->engine == engine)
    return;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_set_object (&self->engine, engine);
  civic_attachments_pane_set_engine (self->attachments, engine);
  g_clear_object (&self->disclosure);
  g_clear_pointer (&self->disclosure_id, g_free);
  set_text (self, "");
}

/* Building */

static AdwEntryRow *
entry_row_new (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
build_text_views (CivicDisclosureEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *preview_scrolled = gtk_scrolled_window_new ();

  self->buffer = gtk_source_buffer_new_with_language (
    gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), TRUE);
  self->source_view = GTK_SOURCE_VIEW (gtk_source_view_new_with_buffer (self->buffer));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->source_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->source_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->source_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->source_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->source_view), 12);
  gtk_source_view_set_show_line_numbers (self->source_view, TRUE);
  gtk_source_view_set_highlight_current_line (self->source_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->source_view), "disclosure-text");
  civic_accessible_set_name (GTK_WIDGET (self->source_view), _("Text of the disclosure"));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->source_view));
  self->highlighter = civic_lint_highlighter_new (GTK_TEXT_BUFFER (self->buffer));

  self->preview = CIVIC_MARKDOWN_PREVIEW (civic_markdown_preview_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview_scrolled),
                                 GTK_WIDGET (self->preview));
  self->diff = CIVIC_DIFF_VIEW (civic_diff_view_new ());

  self->views = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->views), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->views), TRUE);
  gtk_stack_add_titled (self->views, scrolled, "text", _("Text"));
  gtk_stack_add_titled (self->views, preview_scrolled, "preview", _("Preview"));
  gtk_stack_add_titled (self->views, GTK_WIDGET (self->diff), "history", _("Changes"));
  g_signal_connect_swapped (self->views, "notify::visible-child", G_CALLBACK (update_other_views),
                            self);
  return GTK_WIDGET (self->views);
}

static void
attachments_performed (CivicDisclosureEditor *self,
                       const char            *message)
{
  civic_toast_emit (self, toast_signal, message);
  civic_disclosure_editor_reload (self);
}

static void
attachment_acknowledge (CivicDisclosureEditor *self,
                        const char            *key)
{
  g_autoptr(JsonObject) args = json_object_new ();

  json_object_set_string_member (args, "key", key);
  civic_disclosure_editor_start_action (self, CIVIC_DISCLOSURE_ACTION_ACKNOWLEDGE, args);
}

static GtkWidget *
build_side (CivicDisclosureEditor *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkWidget *none;

  self->findings_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->findings_group, _("Personal Data"));
  self->redact_all_button = gtk_button_new_from_icon_name ("edit-clear-all-symbolic");
  gtk_widget_add_css_class (self->redact_all_button, "flat");
  gtk_widget_set_valign (self->redact_all_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->redact_all_button,
                               _("Redact All of This Kind (the selected finding's, or the first's)"));
  civic_accessible_set_name (self->redact_all_button, _("Redact All of This Kind"));
  g_signal_connect (self->redact_all_button, "clicked", G_CALLBACK (redact_all_clicked), self);
  adw_preferences_group_set_header_suffix (self->findings_group, self->redact_all_button);
  self->findings_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->findings_list, GTK_SELECTION_SINGLE);
  civic_accessible_set_name (GTK_WIDGET (self->findings_list), _("Findings of the privacy check"));
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (finding_activated), self);
  none = gtk_label_new (_("No personal data found"));
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 12);
  gtk_widget_set_margin_bottom (none, 12);
  gtk_list_box_set_placeholder (self->findings_list, none);
  adw_preferences_group_add (self->findings_group, GTK_WIDGET (self->findings_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->findings_group));

  self->attachments = CIVIC_ATTACHMENTS_PANE (civic_attachments_pane_new ());
  /* The pane may outlive the editor while a file is read */
  g_signal_connect_object (self->attachments, "performed", G_CALLBACK (attachments_performed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attachments, "acknowledge",
                           G_CALLBACK (attachment_acknowledge), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attachments));

  self->metadata_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->metadata_group, _("Catalogue"));
  adw_preferences_group_set_description (self->metadata_group, _("Saved with the text"));
  self->title_row = entry_row_new (self->metadata_group, _("_Title"));
  for (guint i = 0; i < CIVIC_N_DISCLOSURE_CATEGORIES; i++)
    gtk_string_list_append (categories, civic_disclosure_category_get_label (i));
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("_Category"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->category_row), TRUE);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_preferences_group_add (self->metadata_group, GTK_WIDGET (self->category_row));
  civic_accessible_name_choices (GTK_WIDGET (self->category_row), _("Category"));
  self->formed_on_row = entry_row_new (self->metadata_group, _("_Formed or Changed On"));
  {
    g_autoptr(GPtrArray) no_options = g_ptr_array_new ();

    self->columns_row = civic_form_checklist_row_new (_("Co_lumns"), no_options);
    adw_preferences_group_add (self->metadata_group, self->columns_row);
  }
  self->keywords_row = entry_row_new (self->metadata_group, _("_Keywords"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->metadata_group));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 340, -1);
  return scrolled;
}

static void
build_toolbar (CivicDisclosureEditor *self)
{
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->toolbar, "toolbar");
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->views);
  civic_accessible_set_name (switcher, _("View of the text"));
  gtk_box_append (GTK_BOX (self->toolbar), switcher);

  self->state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->state_label, "dim-label");
  gtk_widget_set_hexpand (self->state_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->state_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->state_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (self->state_label, 6);
  gtk_box_append (GTK_BOX (self->toolbar), self->state_label);

  self->actions_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  civic_accessible_set_name (self->actions_box, _("Actions"));
  gtk_box_append (GTK_BOX (self->toolbar), self->actions_box);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->save_button, _("Save as a new version (Ctrl+S)"));
  civic_accessible_set_name (self->save_button, _("Save"));
  gtk_box_append (GTK_BOX (self->toolbar), self->save_button);
}

static void
civic_disclosure_editor_dispose (GObject *object)
{
  CivicDisclosureEditor *self = CIVIC_DISCLOSURE_EDITOR (object);

  if (self->autosave_source != 0)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      autosave_cb (self);
    }
  if (self->findings_list != NULL)
    gtk_list_box_bind_model (self->findings_list, NULL, NULL, NULL, NULL);
  /* Files still to read are for the editor that goes */
  if (self->attachments != NULL)
    civic_attachments_pane_set_engine (self->attachments, NULL);
  self->attachments = NULL;
  g_clear_object (&self->highlighter);
  g_clear_object (&self->buffer);
  g_clear_object (&self->disclosure);
  g_clear_object (&self->engine);
  self->findings_list = NULL;

  G_OBJECT_CLASS (civic_disclosure_editor_parent_class)->dispose (object);
}

static void
civic_disclosure_editor_finalize (GObject *object)
{
  CivicDisclosureEditor *self = CIVIC_DISCLOSURE_EDITOR (object);

  g_free (self->disclosure_id);
  g_hash_table_unref (self->redacted);

  G_OBJECT_CLASS (civic_disclosure_editor_parent_class)->finalize (object);
}

static void
civic_disclosure_editor_class_init (CivicDisclosureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_disclosure_editor_dispose;
  object_class->finalize = civic_disclosure_editor_finalize;
  toast_signal = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "editor.next-finding", NULL,
                                   next_finding_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "editor.next-finding", NULL);
  gtk_widget_class_install_action (widget_class, "editor.previous-finding", NULL,
                                   next_finding_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK,
                                       "editor.previous-finding", NULL);
}

static void
civic_disclosure_editor_init (CivicDisclosureEditor *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side;

  self->redacted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  gtk_paned_set_start_child (GTK_PANED (paned), build_text_views (self));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  side = build_side (self);
  gtk_paned_set_end_child (GTK_PANED (paned), side);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  build_toolbar (self);

  gtk_box_append (GTK_BOX (self), self->toolbar);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self), paned);

  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed), self);
  g_signal_connect_swapped (self->highlighter, "notify::n-blocking", G_CALLBACK (update_blocking),
                            self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  update_scheme (self);
  bind_findings (self);
  update_blocking (self);
}

GtkWidget *
civic_disclosure_editor_new (void)
{
  return g_object_new (CIVIC_TYPE_DISCLOSURE_EDITOR, NULL);
}
