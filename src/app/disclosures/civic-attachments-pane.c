/* civic-attachments-pane.c — the files published with a disclosure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-attachments-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-attachments-pane.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-kind.h"
#include "civic-file-reading.h"

/* Beside the text, what goes out with it: the files, each with what the
 * privacy lint found in it page by page once the service has read it
 * (OGI Art. 15 covers an attachment as it covers the text), a file it
 * could not read held for a reviewer, and a file still on its way. A
 * faulty file is replaced, never edited: Replace takes the new one and
 * removes the old in one step. Files are taken by the chooser or dropped
 * on the pane; they wait in the outbox while the service is away. */

struct _CivicAttachmentsPane
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget           *attach_button;
  GtkWidget           *placeholder;
  GPtrArray           *rows;        /* GtkWidget: what the group shows now */

  CivicSyncEngine     *engine;
  CivicDisclosure     *disclosure;
  gboolean             editable;
  gboolean             reviewer;
  guint                n_busy;      /* files being read or waiting to be */
  GQueue               waiting;     /* Reading: the files after the one being read */
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (CivicAttachmentsPane, civic_attachments_pane, ADW_TYPE_BIN)

enum {
  PERFORMED,
  ACKNOWLEDGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refuse (CivicAttachmentsPane *self,
        guint                 action,
        const GError         *error)
{
  civic_action_show_refusal (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                             &civic_disclosure_kind, action, error);
}

/* Reading a file, then attaching it */

/* What it is attached to is fixed when the file is chosen: the pane may
 * show another disclosure, or the window another account, before the
 * file is read */
typedef struct
{
  CivicAttachmentsPane *self;
  CivicSyncEngine      *engine;
  char                 *disclosure_id;
  GCancellable         *cancellable;
  GFile                *file;
  char                 *replacing;
} Reading;

static void read_next (CivicAttachmentsPane *self);

static void
reading_free (Reading *reading)
{
  CivicAttachmentsPane *self = reading->self;

  self->n_busy--;
  g_object_unref (reading->engine);
  g_free (reading->disclosure_id);
  g_object_unref (reading->cancellable);
  g_object_unref (reading->file);
  g_free (reading->replacing);
  g_free (reading);
  /* One at a time, so that they are attached in the order chosen */
  read_next (self);
  g_object_unref (self);
}

static void
reading_fail (Reading      *reading,
              const GError *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    refuse (reading->self, CIVIC_DISCLOSURE_ACTION_ATTACH_FILE, error);
  reading_free (reading);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reading *reading = user_data;
  CivicAttachmentsPane *self = reading->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicReadFile) file = civic_file_read_finish (result, &error);
  g_autofree char *command = NULL;
  g_autofree char *message = NULL;

  if (file != NULL)
    command = civic_sync_engine_attach_disclosure_file (reading->engine, reading->disclosure_id,
                                                        file->name, file->media_type,
                                                        file->content, reading->replacing,
                                                        &error);
  if (command == NULL)
    {
      reading_fail (reading, error);
      return;
    }
  message = reading->replacing != NULL
    /* Translators: a toast; the new file's name */
    ? g_strdup_printf (_("Replaced by “%s”"), file->name)
    /* Translators: a toast; the file's name */
    : g_strdup_printf (_("Attached “%s”"), file->name);
  g_signal_emit (self, signals[PERFORMED], 0, message);
  reading_free (reading);
}

/**
 * civic_attachments_pane_attach_files:
 * @files: (element-type GFile): the files chosen or dropped
 * @replacing: (nullable): the sha256 of the attached file the first of
 *   @files replaces
 *
 * Reads each file and attaches it to the disclosure shown; a file that
 * cannot be attached is refused with its reason, and the others go on.
 */
void
civic_attachments_pane_attach_files (CivicAttachmentsPane *self,
                                     GListModel           *files,
                                     const char           *replacing)
{
  g_return_if_fail (CIVIC_IS_ATTACHMENTS_PANE (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (!self->editable || self->disclosure == NULL || self->engine == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      Reading *reading = g_new0 (Reading, 1);

      reading->self = g_object_ref (self);
      reading->engine = g_object_ref (self->engine);
      reading->disclosure_id = g_strdup (civic_disclosure_get_id (self->disclosure));
      reading->cancellable = g_object_ref (self->cancellable);
      reading->file = g_list_model_get_item (files, i);
      reading->replacing = i == 0 ? g_strdup (replacing) : NULL;
      self->n_busy++;
      g_queue_push_tail (&self->waiting, reading);
    }
  /* Nothing being read: start */
  if (self->n_busy == g_queue_get_length (&self->waiting))
    read_next (self);
}

static void
read_next (CivicAttachmentsPane *self)
{
  Reading *reading = g_queue_pop_head (&self->waiting);

  if (reading == NULL)
    return;
  civic_file_read_async (reading->file, reading->cancellable, read_cb, reading);
}

/* Files still to read for what the pane showed are read no more: each
 * fails as cancelled, in turn */
static void
drop_readings (CivicAttachmentsPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
}

guint
civic_attachments_pane_get_n_busy (CivicAttachmentsPane *self)
{
  g_return_val_if_fail (CIVIC_IS_ATTACHMENTS_PANE (self), 0);
  return self->n_busy;
}

/**
 * civic_attachments_pane_remove:
 *
 * Takes the file off the draft: sent as remove-disclosure-file.
 */
void
civic_attachments_pane_remove (CivicAttachmentsPane *self,
                               const char           *sha256)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *message = NULL;
  const CivicDisclosureAttachment *attachment;

  g_return_if_fail (CIVIC_IS_ATTACHMENTS_PANE (self));

  if (!self->editable || self->disclosure == NULL ||
      (attachment = civic_disclosure_find_attachment (self->disclosure, sha256)) == NULL)
    return;
  /* Translators: a toast; the file's name */
  message = g_strdup_printf (_("Removed “%s”"), attachment->name);
  json_object_set_string_member (args, "sha256", sha256);
  command = civic_sync_engine_perform_disclosure (self->engine,
                                                  civic_disclosure_get_id (self->disclosure),
                                                  CIVIC_DISCLOSURE_ACTION_REMOVE_FILE, args,
                                                  &error);
  if (command == NULL)
    refuse (self, CIVIC_DISCLOSURE_ACTION_REMOVE_FILE, error);
  else
    g_signal_emit (self, signals[PERFORMED], 0, message);
}

/* The chooser */

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  CivicAttachmentsPane *self = g_object_get_data (G_OBJECT (chooser), "pane");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      civic_attachments_pane_attach_files (self, files,
                                           g_object_get_data (G_OBJECT (chooser), "replacing"));
    }
  g_object_unref (chooser);
}

static void
choose_files (CivicAttachmentsPane *self,
              const char           *replacing)
{
  const char * const *types = civic_attachment_get_attachable_types ();
  g_autoptr(GtkFileFilter) attachable = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (replacing != NULL ? _("Replace File") : _("Attach Files"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         replacing != NULL ? _("_Replace") : _("_Attach"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (attachable, _("Files that can be published"));
  for (guint i = 0; types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (attachable, types[i]);
  gtk_file_filter_add_pattern (attachable, "*.ofd");
  gtk_file_filter_add_pattern (attachable, "*.md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), attachable);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), replacing == NULL);
  g_object_set_data_full (G_OBJECT (chooser), "replacing", g_strdup (replacing), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The chooser keeps the pane until it is answered */
  g_object_set_data_full (G_OBJECT (chooser), "pane", g_object_ref (self), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
attach_clicked (CivicAttachmentsPane *self)
{
  choose_files (self, NULL);
}

static void
replace_clicked (GtkButton            *button,
                 CivicAttachmentsPane *self)
{
  choose_files (self, g_object_get_data (G_OBJECT (button), "sha256"));
}

static void
remove_clicked (GtkButton            *button,
                CivicAttachmentsPane *self)
{
  civic_attachments_pane_remove (self, g_object_get_data (G_OBJECT (button), "sha256"));
}

static void
acknowledge_clicked (GtkButton            *button,
                     CivicAttachmentsPane *self)
{
  g_signal_emit (self, signals[ACKNOWLEDGE], 0, g_object_get_data (G_OBJECT (button), "key"));
}

static gboolean
dropped_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            CivicAttachmentsPane *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (!self->editable)
    return FALSE;
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  civic_attachments_pane_attach_files (self, G_LIST_MODEL (files), NULL);
  return TRUE;
}

/* The rows */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  civic_accessible_set_name (button, name);
  return button;
}

static guint
count_blocking (CivicAttachmentsPane            *self,
                const CivicDisclosureAttachment *attachment)
{
  guint n = 0;

  for (guint i = 0; i < attachment->findings->len; i++)
    {
      const CivicDisclosureFinding *finding = g_ptr_array_index (attachment->findings, i);

      if (finding->severity == CIVIC_PRIVACY_SEVERITY_BLOCK &&
          !civic_disclosure_is_acknowledged (self->disclosure, finding->key))
        n++;
    }
  return n;
}

/* How the file stands: on its way, unread, blocking, or clear */
static char *
describe (CivicAttachmentsPane            *self,
          const CivicDisclosureAttachment *attachment,
          const char                     **icon,
          const char                     **style)
{
  g_autofree char *type = g_content_type_get_description (attachment->media_type);
  g_autofree char *size = g_format_size (attachment->size);
  g_autofree char *state = NULL;
  guint blocking = count_blocking (self, attachment);

  if (self->engine != NULL &&
      civic_sync_engine_disclosure_file_is_waiting (self->engine,
                                                    civic_disclosure_get_id (self->disclosure),
                                                    attachment->sha256))
    {
      *icon = "folder-download-symbolic";
      *style = "dim-label";
      state = g_strdup (_("Waiting to be sent; the service reads it when it has it"));
    }
  else if (!attachment->checked && blocking > 0)
    {
      *icon = "dialog-warning-symbolic";
      *style = "error";
      state = g_strdup (_("Its text cannot be read: a reviewer must look at it"));
    }
  else if (!attachment->checked)
    {
      *icon = "emblem-ok-symbolic";
      *style = "success";
      state = g_strdup (_("Its text cannot be read; a reviewer looked at it"));
    }
  else if (blocking > 0)
    {
      *icon = "dialog-warning-symbolic";
      *style = "error";
      state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding blocks publishing",
                                            "%u findings block publishing", blocking), blocking);
    }
  else
    {
      *icon = "emblem-ok-symbolic";
      *style = "success";
      state = attachment->findings->len > 0
        ? g_strdup (_("Checked: nothing blocks publishing"))
        : g_strdup (_("Checked: no personal data found"));
    }
  /* Translators: an attached file: its type, its size, how it stands */
  return g_strdup_printf (_("%s · %s · %s"), type, size, state);
}

static GtkWidget *
finding_row_new (CivicAttachmentsPane         *self,
                 const CivicDisclosureAttachment *attachment,
                 const CivicDisclosureFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean acknowledged = civic_disclosure_is_acknowledged (self->disclosure, finding->key);
  g_autofree char *where = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 civic_privacy_kind_get_label (finding->kind));
  if (finding->kind == CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT)
    where = g_strdup (acknowledged ? _("Looked at by a reviewer")
                                   : _("A reviewer must open it and look for personal data"));
  else if (acknowledged)
    /* Translators: a finding in an attached file, let through by a reviewer */
    where = g_strdup_printf (_("Marked public · page %u, line %u"), finding->page, finding->line);
  else
    /* Translators: how grave a finding in an attached file is, and where */
    where = g_strdup_printf (_("%s · page %u, line %u"),
                             civic_privacy_severity_get_label (finding->severity), finding->page,
                             finding->line);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);

  if (self->reviewer && !acknowledged && finding->severity == CIVIC_PRIVACY_SEVERITY_BLOCK)
    {
      g_autofree char *name = NULL;
      GtkWidget *button;

      if (finding->kind == CIVIC_PRIVACY_KIND_UNCHECKED_ATTACHMENT)
        {
          button = gtk_button_new_with_mnemonic (_("_Looked At…"));
          /* Translators: accessible name; the file's name */
          name = g_strdup_printf (_("Looked at “%s”…"), attachment->name);
          gtk_widget_set_tooltip_text (button, _("Say that you opened the file and it may be "
                                                 "published, and on what ground"));
        }
      else
        {
          button = gtk_button_new_with_mnemonic (_("Mark as _Public…"));
          name = g_strdup (_("Mark as Public…"));
          gtk_widget_set_tooltip_text (button, _("Publish it unmasked, saying on what ground"));
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      civic_accessible_set_name (button, name);
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (finding->key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (acknowledge_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static GtkWidget *
attachment_row_new (CivicAttachmentsPane            *self,
                    const CivicDisclosureAttachment *attachment)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *icon_name = NULL, *style = NULL;
  g_autofree char *subtitle = describe (self, attachment, &icon_name, &style);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle,
                                  -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  if (self->editable)
    {
      g_autofree char *replace_name = g_strdup_printf (_("Replace “%s”…"), attachment->name);
      g_autofree char *remove_name = g_strdup_printf (_("Remove “%s”"), attachment->name);
      GtkWidget *button;

      /* libadwaita 1.2 puts each action before the others */
      button = icon_button ("user-trash-symbolic", _("Remove from the draft"), remove_name);
      g_object_set_data_full (G_OBJECT (button), "sha256", g_strdup (attachment->sha256), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      button = icon_button ("document-revert-symbolic",
                            _("Replace by another file (a faulty file is replaced, not edited)"),
                            replace_name);
      g_object_set_data_full (G_OBJECT (button), "sha256", g_strdup (attachment->sha256), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (replace_clicked), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }

  for (guint i = 0; i < attachment->findings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              finding_row_new (self, attachment,
                                               g_ptr_array_index (attachment->findings, i)));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), attachment->findings->len > 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), count_blocking (self, attachment) > 0);
  civic_accessible_name_expander_row (ADW_EXPANDER_ROW (row));
  return row;
}

/**
 * civic_attachments_pane_show:
 * @disclosure: (nullable): the disclosure, or %NULL for none
 * @editable: whether files may be attached and removed (a draft, and
 *   an editor)
 * @reviewer: whether findings may be let through
 */
void
civic_attachments_pane_show (CivicAttachmentsPane *self,
                             CivicDisclosure      *disclosure,
                             gboolean              editable,
                             gboolean              reviewer)
{
  GPtrArray *attachments;
  guint n;

  g_return_if_fail (CIVIC_IS_ATTACHMENTS_PANE (self));

  if (self->disclosure != NULL &&
      (disclosure == NULL || g_strcmp0 (civic_disclosure_get_id (self->disclosure),
                                        civic_disclosure_get_id (disclosure)) != 0))
    drop_readings (self);
  g_set_object (&self->disclosure, disclosure);
  self->editable = editable && disclosure != NULL;
  self->reviewer = reviewer;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  attachments = disclosure != NULL ? civic_disclosure_get_attachments (disclosure) : NULL;
  n = attachments != NULL ? attachments->len : 0;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = attachment_row_new (self, g_ptr_array_index (attachments, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  /* Not hidden but gone, so that nothing reads it out among the files */
  if (n == 0 && gtk_widget_get_parent (self->placeholder) == NULL)
    adw_preferences_group_add (self->group, self->placeholder);
  else if (n > 0 && gtk_widget_get_parent (self->placeholder) != NULL)
    adw_preferences_group_remove (self->group, self->placeholder);
  gtk_widget_set_sensitive (self->attach_button,
                            self->editable && n < CIVIC_DISCLOSURE_MAX_ATTACHMENTS);
  adw_preferences_group_set_description (self->group,
                                         self->editable
                                         ? _("Published with the text; drop files here")
                                         : _("Published with the text"));
}

void
civic_attachments_pane_set_engine (CivicAttachmentsPane *self,
                                   CivicSyncEngine      *engine)
{
  g_return_if_fail (CIVIC_IS_ATTACHMENTS_PANE (self));

  if (self->engine != engine)
    drop_readings (self);
  g_set_object (&self->engine, engine);
}

static void
civic_attachments_pane_dispose (GObject *object)
{
  CivicAttachmentsPane *self = CIVIC_ATTACHMENTS_PANE (object);

  /* What waits is read no more: each fails as cancelled, in turn */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->disclosure);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (civic_attachments_pane_parent_class)->dispose (object);
}

static void
civic_attachments_pane_finalize (GObject *object)
{
  CivicAttachmentsPane *self = CIVIC_ATTACHMENTS_PANE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->placeholder);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (civic_attachments_pane_parent_class)->finalize (object);
}

static void
civic_attachments_pane_class_init (CivicAttachmentsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_attachments_pane_dispose;
  object_class->finalize = civic_attachments_pane_finalize;

  /**
   * CivicAttachmentsPane::performed:
   * @message: what was done, for a toast
   *
   * A file was attached, replaced or removed in the offline copy.
   */
  signals[PERFORMED] = g_signal_new ("performed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CivicAttachmentsPane::acknowledge:
   * @key: the finding's key
   *
   * A reviewer asks to let a finding of a file through.
   */
  signals[ACKNOWLEDGE] = g_signal_new ("acknowledge", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_STRING);
}

static void
civic_attachments_pane_init (CivicAttachmentsPane *self)
{
  GtkDropTarget *drop;

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->waiting);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Attachments"));
  self->attach_button = gtk_button_new_from_icon_name ("mail-attachment-symbolic");
  gtk_widget_add_css_class (self->attach_button, "flat");
  gtk_widget_set_valign (self->attach_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->attach_button, _("Attach Files…"));
  civic_accessible_set_name (self->attach_button, _("Attach Files…"));
  g_signal_connect_swapped (self->attach_button, "clicked", G_CALLBACK (attach_clicked), self);
  adw_preferences_group_set_header_suffix (self->group, self->attach_button);

  self->placeholder = g_object_ref_sink (gtk_label_new (_("No files attached")));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_margin_top (self->placeholder, 6);
  gtk_widget_set_margin_bottom (self->placeholder, 6);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  civic_attachments_pane_show (self, NULL, FALSE, FALSE);
}

GtkWidget *
civic_attachments_pane_new (void)
{
  return g_object_new (CIVIC_TYPE_ATTACHMENTS_PANE, NULL);
}
