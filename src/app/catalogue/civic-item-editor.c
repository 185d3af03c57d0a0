/* civic-item-editor.c — the draft of a service item's guide, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-file-reading.h"
#include "civic-item-editor.h"
#include "civic-item-kind.h"
#include "civic-json.h"
#include "civic-toast.h"

/* A catalogue editor's form for the draft of an item's guide: its name,
 * type and track; the statutory and the promised limits, with the law's
 * rules (civic-item-limits.c) read under their rows as they are typed;
 * the acceptance conditions; the materials, each an expander with its
 * name, whether it is required, its form, copies and acceptance
 * standard. What the form does not show (windows, fees, remedies, the
 * files of a material) is kept as the draft has it. Ctrl+S saves, as
 * save-item through the outbox, offline too; a draft whose limits break
 * the law is saved, and says so, but its Submit stays greyed on the item
 * page. */

typedef struct
{
  char             *id;
  JsonObject       *original;   /* nullable: the draft's, for what the form does not show */
  AdwActionRow     *files[2];   /* by CivicItemFileRole; for a material the draft has */
  AdwExpanderRow   *row;
  AdwEntryRow      *name;
  GtkSwitch        *required;
  AdwComboRow      *form;
  GtkSpinButton    *copies;
  AdwEntryRow      *standard;
} Material;

struct _CivicItemEditor
{
  AdwWindow             parent_instance;

  CivicSyncEngine      *engine;
  CivicItem            *item;
  JsonNode             *base;       /* the draft's guide */

  GtkWidget            *save_button;
  AdwEntryRow          *name_row;
  AdwComboRow          *type_row;
  AdwComboRow          *track_row;
  AdwActionRow         *statutory_row;
  GtkSpinButton        *statutory_days;
  AdwComboRow          *statutory_unit;
  AdwEntryRow          *statutory_explanation;
  AdwActionRow         *promised_row;
  GtkSpinButton        *promised_days;
  AdwComboRow          *promised_unit;
  AdwPreferencesGroup  *limits_group;
  AdwEntryRow          *conditions_row;
  AdwPreferencesGroup  *materials_group;
  GtkWidget            *add_material_button;
  GPtrArray            *materials;  /* Material */
  GPtrArray            *findings;   /* CivicItemFinding */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (CivicItemEditor, civic_item_editor, ADW_TYPE_WINDOW)

static const char * const units[] = { "working-days", "calendar-days", NULL };
static const char * const tracks[] = { "ordinary", "joint", NULL };
static const char * const forms[] = { "", "paper", "electronic", "paper-or-electronic", NULL };

static void
material_free (Material *material)
{
  g_free (material->id);
  g_clear_pointer (&material->original, json_object_unref);
  g_free (material);
}

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static AdwComboRow *
combo_row (const char         *title,
           const char * const *labels)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  civic_accessible_name_choices (GTK_WIDGET (row), NULL);
  return row;
}

static AdwEntryRow *
entry_row (const char *title,
           const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

/* A number in a row: the row names it for a screen reader */
static GtkSpinButton *
spin_in (AdwActionRow *row,
         int           min,
         int           max,
         int           value)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, 1));

  gtk_spin_button_set_value (spin, value);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (spin));
  return spin;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_or_remove (JsonObject *object,
               const char *member,
               const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

static JsonObject *
limit_object (JsonObject    *base,
              GtkSpinButton *days,
              AdwComboRow   *unit,
              const char    *explanation)
{
  JsonObject *limit = json_object_new ();
  const char *kept = base != NULL ? civic_json_lookup_string (base, "explanation", NULL) : NULL;

  json_object_set_int_member (limit, "days", gtk_spin_button_get_value_as_int (days));
  json_object_set_string_member (limit, "unit", units[adw_combo_row_get_selected (unit)]);
  set_or_remove (limit, "explanation", explanation != NULL ? explanation : kept);
  return limit;
}

/**
 * civic_item_editor_dup_guide:
 *
 * Returns: (transfer full) (nullable): the guide as the form has it,
 * canonical; %NULL with the reason when it is not a guide
 */
JsonNode *
civic_item_editor_dup_guide (CivicItemEditor  *self,
                             GError          **error)
{
  g_autoptr(JsonNode) node = civic_json_deep_copy (self->base);
  JsonObject *guide = json_node_get_object (node);
  JsonArray *materials = json_array_new ();
  const char * const *codes = civic_item_type_codes ();

  g_return_val_if_fail (CIVIC_IS_ITEM_EDITOR (self), NULL);

  set_or_remove (guide, "name", text_of (self->name_row));
  json_object_set_string_member (guide, "type_code",
                                 codes[adw_combo_row_get_selected (self->type_row)]);
  /* The usual track is said only when the draft said it */
  set_or_remove (guide, "track",
                 adw_combo_row_get_selected (self->track_row) == 0 &&
                 !json_object_has_member (guide, "track")
                 ? NULL : tracks[adw_combo_row_get_selected (self->track_row)]);
  json_object_set_object_member (guide, "statutory",
                                 limit_object (civic_json_lookup_object (guide, "statutory"),
                                               self->statutory_days, self->statutory_unit,
                                               text_of (self->statutory_explanation)));
  if (gtk_spin_button_get_value_as_int (self->promised_days) > 0)
    json_object_set_object_member (guide, "promised",
                                   limit_object (civic_json_lookup_object (guide, "promised"),
                                                 self->promised_days, self->promised_unit, NULL));
  else if (json_object_has_member (guide, "promised"))
    json_object_remove_member (guide, "promised");
  set_or_remove (guide, "conditions", text_of (self->conditions_row));

  for (guint i = 0; i < self->materials->len; i++)
    {
      Material *material = g_ptr_array_index (self->materials, i);
      g_autoptr(JsonNode) copy = NULL;
      JsonObject *out;
      guint form = adw_combo_row_get_selected (material->form);
      int copies = gtk_spin_button_get_value_as_int (material->copies);

      if (material->original != NULL)
        {
          g_autoptr(JsonNode) holder = json_node_init_object (json_node_alloc (),
                                                              material->original);

          copy = civic_json_deep_copy (holder);
        }
      else
        {
          copy = json_node_new (JSON_NODE_OBJECT);
          json_node_take_object (copy, json_object_new ());
        }
      out = json_node_get_object (copy);
      json_object_set_string_member (out, "id", material->id);
      set_or_remove (out, "name", text_of (material->name));
      json_object_set_boolean_member (out, "required", gtk_switch_get_active (material->required));
      set_or_remove (out, "form", forms[form]);
      if (copies > 0)
        json_object_set_int_member (out, "copies", copies);
      else if (json_object_has_member (out, "copies"))
        json_object_remove_member (out, "copies");
      set_or_remove (out, "standard", text_of (material->standard));
      json_array_add_object_element (materials, json_object_ref (out));
    }
  json_object_set_array_member (guide, "materials", materials);
  return civic_item_guide_canonicalize (node, error);
}

GPtrArray *
civic_item_editor_get_findings (CivicItemEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_ITEM_EDITOR (self), NULL);
  return self->findings;
}

GtkWidget *
civic_item_editor_get_limit_row (CivicItemEditor *self,
                                 const char      *which)
{
  g_return_val_if_fail (CIVIC_IS_ITEM_EDITOR (self), NULL);
  return GTK_WIDGET (g_str_equal (which, "promised") ? self->promised_row : self->statutory_row);
}

guint
civic_item_editor_get_n_materials (CivicItemEditor *self)
{
  g_return_val_if_fail (CIVIC_IS_ITEM_EDITOR (self), 0);
  return self->materials->len;
}

/* The law's word under the limit it is about, as it is typed */
static void
show_findings (CivicItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) guide = NULL;
  g_autoptr(GString) statutory = g_string_new (NULL);
  g_autoptr(GString) promised = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);

  if (self->loading)
    return;
  g_ptr_array_set_size (self->findings, 0);
  guide = civic_item_editor_dup_guide (self, &error);
  gtk_widget_set_sensitive (self->save_button, guide != NULL);
  gtk_widget_set_tooltip_text (self->save_button, guide == NULL ? error->message
                                                                : _("Save the draft (Ctrl+S)"));
  if (guide != NULL)
    {
      g_autoptr(GPtrArray) found = civic_item_limits_check (json_node_get_object (guide));

      for (guint i = 0; i < found->len; i++)
        {
          CivicItemFinding *finding = g_ptr_array_index (found, i);
          GString *into = g_str_has_prefix (finding->field, "promised") ? promised
                          : g_str_has_prefix (finding->field, "statutory") ? statutory : others;

          if (into->len > 0)
            g_string_append_c (into, '\n');
          g_string_append (into, finding->message);
        }
      g_ptr_array_extend_and_steal (self->findings, g_steal_pointer (&found));
    }
  else
    g_string_append (others, error->message);

  adw_action_row_set_subtitle (self->statutory_row, statutory->str);
  adw_action_row_set_subtitle (self->promised_row, promised->str);
  adw_preferences_group_set_description (self->limits_group,
                                         others->len > 0 ? others->str
                                         : _("Counted from acceptance. The promised limit is the "
                                             "department’s own, never longer than the law’s."));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = GTK_WIDGET (i == 0 ? self->statutory_row : self->promised_row);
      gboolean refused = FALSE;

      for (guint f = 0; f < self->findings->len; f++)
        {
          CivicItemFinding *finding = g_ptr_array_index (self->findings, f);

          refused |= finding->refusal &&
                     g_str_has_prefix (finding->field, i == 0 ? "statutory" : "promised");
        }
      if (refused)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
}

static void
changed_cb (CivicItemEditor *self)
{
  show_findings (self);
}

/* An id no version of the item has used: versions tell materials apart
 * by it, so a new material never takes a removed one's */
static gboolean
id_used (CivicItemEditor *self,
         const char      *id)
{
  JsonObject *effective = civic_item_get_guide (self->item);

  for (guint i = 0; i < self->materials->len; i++)
    if (g_str_equal (((Material *) g_ptr_array_index (self->materials, i))->id, id))
      return TRUE;
  return civic_item_guide_find_material (json_node_get_object (self->base), id) != NULL ||
         (effective != NULL && civic_item_guide_find_material (effective, id) != NULL);
}

static char *
new_material_id (CivicItemEditor *self)
{
  for (guint n = self->materials->len + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", n);

      if (!id_used (self, id))
        return g_steal_pointer (&id);
    }
}

static void
remove_material_cb (GtkButton       *button,
                    CivicItemEditor *self)
{
  Material *material = g_object_get_data (G_OBJECT (button), "material");

  adw_preferences_group_remove (self->materials_group, GTK_WIDGET (material->row));
  g_ptr_array_remove (self->materials, material);
  show_findings (self);
}

static void
name_changed_cb (AdwEntryRow    *entry,
                 AdwExpanderRow *row)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *name != '\0' ? name : _("A New Material"));
  civic_accessible_name_expander_row (row);
}

static const char *
role_title (CivicItemFileRole role)
{
  return role == CIVIC_ITEM_FILE_SAMPLE ? _("Sample, filled in") : _("Blank form");
}

static void
show_file (Material          *material,
           CivicItemFileRole  role)
{
  JsonObject *file = material->original != NULL
                     ? civic_json_lookup_object (material->original,
                                                 civic_item_file_role_member (role))
                     : NULL;

  adw_action_row_set_subtitle (material->files[role],
                               file != NULL ? civic_json_lookup_string (file, "name", "")
                                            : _("None: the applicant is shown none"));
}

static Material *
find_material (CivicItemEditor *self,
               const char      *material_id)
{
  for (guint i = 0; i < self->materials->len; i++)
    if (g_str_equal (((Material *) g_ptr_array_index (self->materials, i))->id, material_id))
      return g_ptr_array_index (self->materials, i);
  return NULL;
}

/**
 * civic_item_editor_attach:
 * @role: a blank form or a filled-in sample
 *
 * Attaches a file to a material the draft has, as its row's Choose File
 * does: it goes up with attach-item-file through the outbox, and the
 * form keeps it for the next save.
 */
gboolean
civic_item_editor_attach (CivicItemEditor    *self,
                          const char         *material_id,
                          CivicItemFileRole   role,
                          const char         *name,
                          const char         *media_type,
                          GBytes             *content,
                          GError            **error)
{
  g_autoptr(JsonObject) more = json_object_new ();
  g_autofree char *command = NULL;
  g_autofree char *sha256 = NULL;
  Material *material;
  JsonObject *file;

  g_return_val_if_fail (CIVIC_IS_ITEM_EDITOR (self), FALSE);

  material = find_material (self, material_id);
  if (material == NULL || material->original == NULL)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_STATE,
                           _("Save the draft with this material before its files"));
      return FALSE;
    }
  json_object_set_string_member (more, "material", material_id);
  json_object_set_string_member (more, "role", role == CIVIC_ITEM_FILE_SAMPLE ? "sample"
                                                                             : "blank-form");
  command = civic_sync_engine_attach_file_with (self->engine, &civic_item_kind, "items",
                                                civic_item_get_code (self->item),
                                                CIVIC_ITEM_ACTION_ATTACH_FILE, more, name,
                                                media_type, content, error);
  if (command == NULL)
    return FALSE;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  file = json_object_new ();
  json_object_set_string_member (file, "sha256", sha256);
  json_object_set_string_member (file, "name", name);
  json_object_set_string_member (file, "media_type", media_type);
  json_object_set_int_member (file, "size", g_bytes_get_size (content));
  json_object_set_object_member (material->original, civic_item_file_role_member (role), file);
  show_file (material, role);
  return TRUE;
}

typedef struct
{
  CivicItemEditor   *self;
  char              *material_id;
  CivicItemFileRole  role;
} Choosing;

static void
choosing_free (Choosing *choosing)
{
  g_object_unref (choosing->self);
  g_free (choosing->material_id);
  g_free (choosing);
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Choosing *choosing = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicReadFile) file = civic_file_read_finish (result, &error);

  /* The editor closed while the file was read: nothing to attach it to */
  if (choosing->self->materials == NULL)
    {
      choosing_free (choosing);
      return;
    }
  if (file == NULL ||
      !civic_item_editor_attach (choosing->self, choosing->material_id, choosing->role,
                                 file->name, file->media_type, file->content, &error))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
            adw_message_dialog_new (GTK_WINDOW (choosing->self), _("The File Was Not Attached"),
                                    error->message));

          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  choosing_free (choosing);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  Choosing *choosing = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    {
      choosing_free (choosing);
      return;
    }
  civic_file_read_async (file, NULL, file_read_cb, choosing);
}

static void
choose_file_cb (GtkButton *button,
                Material  *material)
{
  CivicItemEditor *self = g_object_get_data (G_OBJECT (button), "editor");
  Choosing *choosing = g_new0 (Choosing, 1);
  GtkFileChooserNative *chooser;

  choosing->self = g_object_ref (self);
  choosing->material_id = g_strdup (material->id);
  choosing->role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role"));
  chooser = gtk_file_chooser_native_new (role_title (choosing->role), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), choosing);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_file_rows (CivicItemEditor *self,
               Material        *material)
{
  for (CivicItemFileRole role = CIVIC_ITEM_FILE_SAMPLE; role <= CIVIC_ITEM_FILE_BLANK_FORM; role++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose File…"));
      g_autofree char *label = NULL;

      material->files[role] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (material->files[role]),
                                     role_title (role));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: a button's name for a screen reader: "Choose File for Blank form" */
      label = g_strdup_printf (_("Choose File for %s"), role_title (role));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (button), "editor", self);
      g_object_set_data (G_OBJECT (button), "role", GUINT_TO_POINTER (role));
      g_signal_connect (button, "clicked", G_CALLBACK (choose_file_cb), material);
      adw_action_row_add_suffix (material->files[role], button);
      adw_expander_row_add_row (material->row, GTK_WIDGET (material->files[role]));
      show_file (material, role);
    }
}

static void
add_material_row (CivicItemEditor *self,
                  JsonObject      *original,
                  const char      *id,
                  const char      *name,
                  gboolean         required)
{
  Material *material = g_new0 (Material, 1);
  const char *form_labels[] = { _("Not said"), _("Paper"), _("Electronic"),
                                _("Paper or electronic"), NULL };
  AdwActionRow *required_row, *copies_row;
  GtkWidget *remove;

  material->id = g_strdup (id);
  material->original = original != NULL ? json_object_ref (original) : NULL;
  material->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (material->row),
                                 name != NULL && *name != '\0' ? name : _("A New Material"));
  adw_expander_row_set_subtitle (material->row, id);

  material->name = entry_row (_("_Name"), name);
  g_signal_connect (material->name, "changed", G_CALLBACK (name_changed_cb), material->row);
  g_signal_connect_swapped (material->name, "changed", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (material->row, GTK_WIDGET (material->name));

  required_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (required_row), _("_Required"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (required_row), TRUE);
  material->required = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (material->required, required);
  gtk_widget_set_valign (GTK_WIDGET (material->required), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (material->required),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Required"), -1);
  adw_action_row_add_suffix (required_row, GTK_WIDGET (material->required));
  adw_action_row_set_activatable_widget (required_row, GTK_WIDGET (material->required));
  adw_expander_row_add_row (material->row, GTK_WIDGET (required_row));

  material->form = combo_row (_("_Form"), form_labels);
  adw_combo_row_set_selected (material->form,
                              index_of (forms, original != NULL
                                               ? civic_json_lookup_string (original, "form", "")
                                               : ""));
  g_signal_connect_swapped (material->form, "notify::selected", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (material->row, GTK_WIDGET (material->form));

  copies_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (copies_row), _("Copies"));
  material->copies = spin_in (copies_row, 0, 99,
                              original != NULL ? civic_json_lookup_int (original, "copies", 0) : 0);
  g_signal_connect_swapped (material->copies, "value-changed", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (material->row, GTK_WIDGET (copies_row));

  material->standard = entry_row (_("Acceptance _Standard"),
                                  original != NULL ? civic_json_lookup_string (original,
                                                                               "standard", NULL)
                                                   : NULL);
  g_signal_connect_swapped (material->standard, "changed", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (material->row, GTK_WIDGET (material->standard));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the material"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the material"), -1);
  g_object_set_data (G_OBJECT (remove), "material", material);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_material_cb), self);
  adw_expander_row_add_action (material->row, remove);

  if (original != NULL)
    add_file_rows (self, material);
  civic_accessible_name_expander_row (material->row);
  adw_preferences_group_add (self->materials_group, GTK_WIDGET (material->row));
  g_ptr_array_add (self->materials, material);
}

/**
 * civic_item_editor_add_material:
 *
 * Adds a material to the draft, as "Add a Material" does.
 */
void
civic_item_editor_add_material (CivicItemEditor *self,
                                const char      *name,
                                gboolean         required)
{
  g_autofree char *id = NULL;

  g_return_if_fail (CIVIC_IS_ITEM_EDITOR (self));

  id = new_material_id (self);
  add_material_row (self, NULL, id, name, required);
  if (self->materials->len > 0)
    adw_expander_row_set_expanded (((Material *) g_ptr_array_index (self->materials,
                                                                    self->materials->len - 1))->row,
                                   TRUE);
  show_findings (self);
}

static void
add_material_cb (CivicItemEditor *self)
{
  civic_item_editor_add_material (self, NULL, TRUE);
}

/**
 * civic_item_editor_save:
 *
 * Sends save-item with the guide as the form has it.
 */
gboolean
civic_item_editor_save (CivicItemEditor  *self,
                        GError          **error)
{
  g_autoptr(JsonNode) guide = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *command = NULL;

  g_return_val_if_fail (CIVIC_IS_ITEM_EDITOR (self), FALSE);

  guide = civic_item_editor_dup_guide (self, error);
  if (guide == NULL)
    return FALSE;
  json_object_set_member (args, "guide", g_steal_pointer (&guide));
  command = civic_sync_engine_perform_action (self->engine, &civic_item_kind,
                                              civic_item_get_code (self->item),
                                              CIVIC_ITEM_ACTION_SAVE, args, error);
  return command != NULL;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CivicItemEditor *self = CIVIC_ITEM_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->save_button))
    return;
  if (!civic_item_editor_save (self, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                              _("The Draft Was Not Saved"),
                                                                              error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_cb (CivicItemEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (CivicItemEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
build (CivicItemEditor *self)
{
  JsonObject *guide = json_node_get_object (self->base);
  JsonObject *statutory = civic_json_lookup_object (guide, "statutory");
  JsonObject *promised = civic_json_lookup_object (guide, "promised");
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;
  g_autoptr(GPtrArray) type_labels = g_ptr_array_new_with_free_func (g_free);
  const char * const *codes = civic_item_type_codes ();
  const char *unit_labels[] = { _("Working days"), _("Calendar days"), NULL };
  const char *track_labels[] = { _("This department alone"), _("Jointly with others"), NULL };
  GtkWidget *box, *header, *cancel, *page, *title;
  AdwPreferencesGroup *basics, *conditions;
  g_autofree char *window_title = NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    /* Translators: a type of item in a list: "01 Administrative Licensing" */
    g_ptr_array_add (type_labels, g_strdup_printf (_("%s %s"), codes[i],
                                                   civic_item_type_get_label (codes[i])));
  g_ptr_array_add (type_labels, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  /* Translators: the editor's title: "Version 2 of 430000-SCJG-XK-0001" */
  window_title = g_strdup_printf (_("Version %d of %s"),
                                  civic_item_get_pending (self->item)->version,
                                  civic_item_get_code (self->item));
  title = adw_window_title_new (civic_item_guide_get_name (guide), window_title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  basics = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (basics, _("The Item"));
  self->name_row = entry_row (_("_Name"), civic_item_guide_get_name (guide));
  adw_preferences_group_add (basics, GTK_WIDGET (self->name_row));
  self->type_row = combo_row (_("_Type"), (const char * const *) type_labels->pdata);
  adw_combo_row_set_selected (self->type_row,
                              index_of (codes, civic_item_guide_get_type_code (guide)));
  adw_preferences_group_add (basics, GTK_WIDGET (self->type_row));
  self->track_row = combo_row (_("_Decided By"), track_labels);
  adw_combo_row_set_selected (self->track_row,
                              index_of (tracks, civic_json_lookup_string (guide, "track",
                                                                          "ordinary")));
  adw_preferences_group_add (basics, GTK_WIDGET (self->track_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), basics);

  self->limits_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->limits_group, _("Time Limits"));
  self->statutory_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->statutory_row),
                                 _("Statutory limit"));
  self->statutory_days = spin_in (self->statutory_row, 1, 3660,
                                  statutory != NULL ? civic_json_lookup_int (statutory, "days", 20)
                                                    : 20);
  adw_preferences_group_add (self->limits_group, GTK_WIDGET (self->statutory_row));
  self->statutory_unit = combo_row (_("Statutory limit counted in"), unit_labels);
  adw_combo_row_set_selected (self->statutory_unit,
                              index_of (units, statutory != NULL
                                               ? civic_json_lookup_string (statutory, "unit", NULL)
                                               : NULL));
  adw_preferences_group_add (self->limits_group, GTK_WIDGET (self->statutory_unit));
  self->statutory_explanation = entry_row (_("Statutory limit’s _basis"),
                                           statutory != NULL
                                           ? civic_json_lookup_string (statutory, "explanation",
                                                                       NULL)
                                           : NULL);
  adw_preferences_group_add (self->limits_group, GTK_WIDGET (self->statutory_explanation));
  self->promised_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->promised_row),
                                 _("Promised limit (0: none)"));
  self->promised_days = spin_in (self->promised_row, 0, 3660,
                                 promised != NULL ? civic_json_lookup_int (promised, "days", 0)
                                                  : 0);
  adw_preferences_group_add (self->limits_group, GTK_WIDGET (self->promised_row));
  self->promised_unit = combo_row (_("Promised limit counted in"), unit_labels);
  adw_combo_row_set_selected (self->promised_unit,
                              index_of (units, promised != NULL
                                               ? civic_json_lookup_string (promised, "unit", NULL)
                                               : NULL));
  adw_preferences_group_add (self->limits_group, GTK_WIDGET (self->promised_unit));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->limits_group);

  conditions = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (conditions, _("Who May Apply"));
  self->conditions_row = entry_row (_("Acceptance _conditions"),
                                    civic_json_lookup_string (guide, "conditions", NULL));
  adw_preferences_group_add (conditions, GTK_WIDGET (self->conditions_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), conditions);

  self->materials_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->materials_group, _("Materials"));
  adw_preferences_group_set_description (self->materials_group,
                                         _("In the order the clerk checks them. A case keeps the "
                                           "materials of the version it was filed under."));
  self->add_material_button = gtk_button_new_with_mnemonic (_("_Add a Material"));
  gtk_widget_add_css_class (self->add_material_button, "flat");
  g_signal_connect_swapped (self->add_material_button, "clicked", G_CALLBACK (add_material_cb),
                            self);
  adw_preferences_group_set_header_suffix (self->materials_group, self->add_material_button);
  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);

      add_material_row (self, material, civic_json_lookup_string (material, "id", ""),
                        civic_json_lookup_string (material, "name", ""),
                        json_object_get_boolean_member_with_default (material, "required",
                                                                     FALSE));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->materials_group);

  civic_accessible_name_group (GTK_WIDGET (basics), _("The Item"));
  civic_accessible_name_group (GTK_WIDGET (self->limits_group), _("Time Limits"));
  civic_accessible_name_group (GTK_WIDGET (conditions), _("Who May Apply"));
  civic_accessible_name_group (GTK_WIDGET (self->materials_group), _("Materials"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->conditions_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->statutory_explanation, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->statutory_days, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->promised_days, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->track_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->statutory_unit, "notify::selected", G_CALLBACK (changed_cb),
                            self);
  g_signal_connect_swapped (self->promised_unit, "notify::selected", G_CALLBACK (changed_cb), self);
}

static void
civic_item_editor_dispose (GObject *object)
{
  CivicItemEditor *self = CIVIC_ITEM_EDITOR (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->item);
  g_clear_pointer (&self->base, json_node_unref);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (civic_item_editor_parent_class)->dispose (object);
}

static void
civic_item_editor_class_init (CivicItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_item_editor_dispose;
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
civic_item_editor_init (CivicItemEditor *self)
{
  self->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) material_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_item_finding_free);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
}

/**
 * civic_item_editor_new:
 * @item: an item with a draft pending
 *
 * Returns: (transfer full): the editor of the draft
 */
CivicItemEditor *
civic_item_editor_new (GtkWindow       *parent,
                       CivicSyncEngine *engine,
                       CivicItem       *item)
{
  CivicItemEditor *self;
  const CivicItemPending *pending;

  g_return_val_if_fail (CIVIC_IS_ITEM (item), NULL);
  pending = civic_item_get_pending (item);
  g_return_val_if_fail (pending != NULL && pending->guide != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_ITEM_EDITOR, "modal", TRUE, "transient-for", parent, NULL);
  self->engine = g_object_ref (engine);
  self->item = g_object_ref (item);
  self->base = civic_json_deep_copy (pending->guide);
  self->loading = TRUE;
  build (self);
  self->loading = FALSE;
  show_findings (self);
  return self;
}
