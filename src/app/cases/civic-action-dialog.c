/* civic-action-dialog.c — the arguments the law asks of an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-action-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-action-dialog.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-time.h"

/* One dialog for every action: each asks for exactly what its article
 * requires (a refusal's reason, legal basis and remedies; the complete
 * list of missing materials; two verifiers; the approver of an
 * extension…). While the official fills it in, the same rules the service
 * runs are tried on the case with what is there so far: the button to
 * take the action is enabled only when they agree, and the rules' reason
 * shows under the form when they do not. */

typedef enum
{
  FIELD_ENTRY,      /* one line of text */
  FIELD_TEXT,       /* several lines, perhaps with common phrases */
  FIELD_CHOICE,     /* one of an enum's nicks */
  FIELD_DATE,
  FIELD_NUMBER,
  FIELD_SWITCH,
  FIELD_MATERIALS,  /* material ids, checked */
  FIELD_USER,       /* one official: "<name>_id" */
  FIELD_USERS,      /* several officials' ids */
  FIELD_LIST,       /* names separated by commas or 、 */
} FieldKind;

typedef struct
{
  char       *name;
  char       *title;       /* as shown, without the mnemonic */
  FieldKind   kind;
  GtkWidget  *widget;      /* the entry, text view, combo, spin, switch */
  GtkWidget  *row;         /* what is shown and hidden */
  GPtrArray  *values;      /* choices: nicks; materials, users: ids */
  GPtrArray  *checks;      /* materials, users: the check buttons */
  GPtrArray  *labels;      /* users: names */
  char       *shown_when_field;
  char       *shown_when_value;
} Field;

struct _CivicActionDialog
{
  AdwMessageDialog  parent_instance;

  CivicSyncEngine  *engine;
  CivicCase        *kase;
  CivicAction       action;
  guint             n_cases;

  GtkWidget        *box;
  GtkWidget        *group;
  GtkWidget        *refusal_label;
  GPtrArray        *fields;
  char             *refusal;
  guint             check_source;
  gboolean          touched;      /* the official has changed something */
  char             *command_id;   /* the refused command this changes, if any */
};

G_DEFINE_FINAL_TYPE (CivicActionDialog, civic_action_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
field_free (Field *field)
{
  g_free (field->name);
  g_free (field->title);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_clear_pointer (&field->checks, g_ptr_array_unref);
  g_clear_pointer (&field->labels, g_ptr_array_unref);
  g_free (field->shown_when_field);
  g_free (field->shown_when_value);
  g_free (field);
}

/**
 * civic_action_needs_dialog:
 *
 * Whether @action asks for anything: claiming or releasing a case, or
 * starting the pre-review, is done at once.
 */
gboolean
civic_action_needs_dialog (CivicAction action)
{
  switch (action)
    {
    case CIVIC_ACTION_CLAIM:
    case CIVIC_ACTION_RELEASE:
    case CIVIC_ACTION_START_PRE_REVIEW:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Reading the form */

static Field *
find_field (CivicActionDialog *self,
            const char        *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->name, name))
        return field;
    }
  return NULL;
}

static char *
text_of (GtkWidget *widget)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static const char *
choice_of (Field *field)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

  return selected < field->values->len ? g_ptr_array_index (field->values, selected) : NULL;
}

static gboolean
field_is_shown (CivicActionDialog *self,
                Field             *field)
{
  Field *other;

  if (field->shown_when_field == NULL)
    return TRUE;
  other = find_field (self, field->shown_when_field);
  return other != NULL && g_strcmp0 (choice_of (other), field->shown_when_value) == 0;
}

static void
add_checked (JsonObject *args,
             Field      *field)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < field->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (field->checks, i)))
      json_array_add_string_element (array, g_ptr_array_index (field->values, i));
  json_object_set_array_member (args, field->name, array);
}

/**
 * civic_action_dialog_dup_args:
 *
 * Returns: (transfer full): the action's arguments as the form has them;
 * empty answers are left out.
 */
JsonObject *
civic_action_dialog_dup_args (CivicActionDialog *self)
{
  JsonObject *args = json_object_new ();

  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), args);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *text = NULL;

      if (!field_is_shown (self, field))
        continue;

      switch (field->kind)
        {
        case FIELD_ENTRY:
        case FIELD_DATE:
          text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
          if (*text != '\0')
            json_object_set_string_member (args, field->name, text);
          break;
        case FIELD_TEXT:
          text = text_of (field->widget);
          if (*text != '\0')
            json_object_set_string_member (args, field->name, text);
          break;
        case FIELD_CHOICE:
          if (choice_of (field) != NULL)
            json_object_set_string_member (args, field->name, choice_of (field));
          break;
        case FIELD_NUMBER:
          json_object_set_int_member (args, field->name,
                                      gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)));
          break;
        case FIELD_SWITCH:
          json_object_set_boolean_member (args, field->name,
                                          gtk_switch_get_active (GTK_SWITCH (field->widget)));
          break;
        case FIELD_MATERIALS:
        case FIELD_USERS:
          add_checked (args, field);
          break;
        case FIELD_USER:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
            g_autofree char *id_member = g_strconcat (field->name, "_id", NULL);

            /* The id only: the name the case shows is the directory's. */
            if (selected < field->values->len)
              json_object_set_string_member (args, id_member,
                                             g_ptr_array_index (field->values, selected));
          }
          break;
        case FIELD_LIST:
          {
            g_autofree char *all = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
            g_auto(GStrv) parts = NULL;
            JsonArray *array = json_array_new ();

            g_strdelimit (all, ",;", '\n');
            /* The Chinese enumeration comma and full-width comma too */
            parts = g_regex_split_simple ("[\n、，；]", all, 0, 0);
            for (guint j = 0; parts[j] != NULL; j++)
              {
                g_strstrip (parts[j]);
                if (*parts[j] != '\0')
                  json_array_add_string_element (array, parts[j]);
              }
            json_object_set_array_member (args, field->name, array);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return args;
}

/* What the rules say */

/* The rules name a missing argument as the wire does ("“text” is
 * missing"); the form names it as the official sees it. */
static char *
explain (CivicActionDialog *self,
         const GError      *error)
{
  if (g_error_matches (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT))
    for (guint i = 0; i < self->fields->len; i++)
      {
        Field *field = g_ptr_array_index (self->fields, i);
        g_autofree char *quoted = g_strdup_printf ("“%s”", field->name);

        if (field->title != NULL && strstr (error->message, quoted) != NULL)
          /* Translators: %s is the name of a field of the form */
          return g_strdup_printf (_("Fill in “%s”"), field->title);
      }

  return g_strdup (error->message);
}

static gboolean
check_now (gpointer data)
{
  CivicActionDialog *self = data;
  g_autoptr(JsonObject) args = civic_action_dialog_dup_args (self);
  g_autoptr(CivicCase) after = NULL;
  g_autoptr(GError) error = NULL;

  self->check_source = 0;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_widget_set_visible (field->row, field_is_shown (self, field));
    }

  after = civic_sync_engine_try (self->engine, civic_case_get_id (self->kase), self->action, args,
                                 &error);

  g_free (self->refusal);
  self->refusal = after == NULL ? explain (self, error) : NULL;
  gtk_label_set_label (GTK_LABEL (self->refusal_label), self->refusal ? self->refusal : "");
  /* An empty form is not an error yet: the button waits, and the reason
   * shows once the official has filled something in. A refusal by the
   * rules themselves shows at once. */
  gtk_widget_set_visible (self->refusal_label,
                          self->refusal != NULL &&
                          (self->touched || !g_error_matches (error, CIVIC_WORKFLOW_ERROR,
                                                              CIVIC_WORKFLOW_ERROR_ARGUMENT)));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", after != NULL);

  return G_SOURCE_REMOVE;
}

static void
changed (CivicActionDialog *self)
{
  self->touched = TRUE;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (150, check_now, self);
}

/* Building the form */

static Field *
field_new (CivicActionDialog *self,
           const char        *name,
           FieldKind          kind)
{
  Field *field = g_new0 (Field, 1);

  field->name = g_strdup (name);
  field->kind = kind;
  g_ptr_array_add (self->fields, field);
  return field;
}

static void
set_title (Field      *field,
           const char *title)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  /* The title as words: without the mnemonic, whether it is marked in
   * the word ("_Reason") or after it, as Chinese does ("理由(_R)"). */
  for (const char *p = title; *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (*p != '_')
        g_string_append_c (plain, *p);
    }
  g_free (field->title);
  field->title = g_strdup (plain->str);
}

static void
add_row (CivicActionDialog *self,
         Field             *field,
         GtkWidget         *row)
{
  field->row = row;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
}

static Field *
add_entry (CivicActionDialog *self,
           const char        *name,
           const char        *title,
           const char        *value)
{
  Field *field = field_new (self, name, FIELD_ENTRY);
  GtkWidget *row = adw_entry_row_new ();

  set_title (field, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed), self);
  field->widget = row;
  add_row (self, field, row);
  return field;
}

static Field *
add_date (CivicActionDialog *self,
          const char        *name,
          const char        *title)
{
  g_autofree char *today = civic_day_format (civic_time_today ());
  Field *field = add_entry (self, name, title, today);

  field->kind = FIELD_DATE;
  return field;
}

static Field *
add_list (CivicActionDialog *self,
          const char        *name,
          const char        *title)
{
  Field *field = add_entry (self, name, title, NULL);

  field->kind = FIELD_LIST;
  gtk_widget_set_tooltip_text (field->widget, _("Separate names with commas"));
  return field;
}

static void
insert_phrase (GtkButton *button,
               GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  gtk_text_buffer_insert_at_cursor (buffer, gtk_button_get_label (button), -1);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (view);
}

/* The official's common phrases (常用意见) for this kind of text, from the
 * service's templates. */
static GtkWidget *
phrases_button (CivicActionDialog *self,
                const char        *key,
                GtkWidget         *view)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *phrases = NULL;
  GtkWidget *button, *box, *popover, *scrolled;

  node = civic_cache_load_entity (civic_sync_engine_get_cache (self->engine), CIVIC_ENTITY_TEMPLATE,
                                  "phrases", NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !civic_json_get_array (json_node_get_object (node), key, FALSE, &phrases, NULL) ||
      phrases == NULL || json_array_get_length (phrases) == 0)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < json_array_get_length (phrases); i++)
    {
      JsonNode *element = json_array_get_element (phrases, i);
      const char *phrase;
      GtkWidget *item, *label;

      /* From the service's templates: only strings make phrases */
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      phrase = json_node_get_string (element);
      item = gtk_button_new_with_label (phrase);
      label = gtk_button_get_child (GTK_BUTTON (item));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (item, "flat");
      g_signal_connect (item, "clicked", G_CALLBACK (insert_phrase), view);
      gtk_box_append (GTK_BOX (box), item);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Common Phrases"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static Field *
add_text (CivicActionDialog *self,
          const char        *name,
          const char        *title,
          const char        *phrases)
{
  Field *field = field_new (self, name, FIELD_TEXT);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *phrases_widget = NULL;

  set_title (field, title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_box_append (GTK_BOX (header), label);
  if (phrases != NULL && (phrases_widget = phrases_button (self, phrases, view)) != NULL)
    gtk_box_append (GTK_BOX (header), phrases_widget);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (changed), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), frame);

  field->widget = view;
  field->row = box;
  gtk_box_append (GTK_BOX (self->box), box);
  return field;
}

static Field *
add_choice (CivicActionDialog *self,
            const char        *name,
            const char        *title,
            GType              enum_type,
            const char       *(*label_of) (int value),
            const char        *first)
{
  Field *field = field_new (self, name, FIELD_CHOICE);
  GtkWidget *row = g_object_new (ADW_TYPE_COMBO_ROW, "use-markup", FALSE, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GEnumClass *klass = g_type_class_ref (enum_type);

  set_title (field, title);
  field->values = g_ptr_array_new ();
  /* Without a usual answer (a decision, a ground, a closure) nothing is
   * chosen for the official: they choose. */
  if (first == NULL)
    {
      g_ptr_array_add (field->values, NULL);
      gtk_string_list_append (labels, _("Choose…"));
    }
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_ptr_array_add (field->values, (char *) klass->values[i].value_nick);
      gtk_string_list_append (labels, label_of (klass->values[i].value));
    }
  g_type_class_unref (klass);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  for (guint i = 0; first != NULL && i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), first) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed), self);
  field->widget = row;
  add_row (self, field, row);
  return field;
}

static void
shown_when (Field      *field,
            const char *other,
            const char *value)
{
  field->shown_when_field = g_strdup (other);
  field->shown_when_value = g_strdup (value);
}

static Field *
add_number (CivicActionDialog *self,
            const char        *name,
            const char        *title,
            int                min,
            int                max,
            int                value)
{
  Field *field = field_new (self, name, FIELD_NUMBER);
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  set_title (field, title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (changed), self);
  field->widget = spin;
  add_row (self, field, row);
  return field;
}

static Field *
add_switch (CivicActionDialog *self,
            const char        *name,
            const char        *title,
            const char        *subtitle,
            gboolean           value)
{
  Field *field = field_new (self, name, FIELD_SWITCH);
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
  GtkWidget *toggle = gtk_switch_new ();

  set_title (field, title);
  gtk_switch_set_active (GTK_SWITCH (toggle), value);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (changed), self);
  field->widget = toggle;
  add_row (self, field, row);
  return field;
}

static Field *
add_checklist (CivicActionDialog *self,
               const char        *name,
               FieldKind          kind,
               const char        *title,
               const char        *description)
{
  Field *field = field_new (self, name, kind);
  GtkWidget *group = adw_preferences_group_new ();

  set_title (field, title);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  field->values = g_ptr_array_new_with_free_func (g_free);
  field->checks = g_ptr_array_new ();
  field->labels = g_ptr_array_new_with_free_func (g_free);
  field->widget = group;
  field->row = group;
  gtk_box_append (GTK_BOX (self->box), group);
  return field;
}

static void
add_check (CivicActionDialog *self,
           Field             *field,
           const char        *value,
           const char        *title,
           const char        *subtitle,
           gboolean           active)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed), self);

  g_ptr_array_add (field->values, g_strdup (value));
  g_ptr_array_add (field->checks, check);
  g_ptr_array_add (field->labels, g_strdup (title));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (field->widget), row);
}

typedef enum
{
  MATERIALS_RECEIVED,        /* every material, checked when received */
  MATERIALS_MISSING,         /* every material, the missing required ones checked */
  MATERIALS_REQUESTED,       /* those of the last correction notice */
} MaterialsMode;

static void
add_materials (CivicActionDialog *self,
               const char        *name,
               const char        *title,
               const char        *description,
               MaterialsMode      mode)
{
  Field *field = add_checklist (self, name, FIELD_MATERIALS, title, description);
  GPtrArray *materials = civic_case_get_materials (self->kase);
  GPtrArray *corrections = civic_case_get_corrections (self->kase);
  CivicCorrection *last = corrections->len > 0
                          ? g_ptr_array_index (corrections, corrections->len - 1) : NULL;

  for (guint i = 0; i < materials->len; i++)
    {
      CivicMaterial *material = g_ptr_array_index (materials, i);
      const char *subtitle = material->required ? _("Required") : _("Optional");
      gboolean active;

      switch (mode)
        {
        case MATERIALS_MISSING:
          active = material->required && !material->received;
          break;
        case MATERIALS_REQUESTED:
          if (last == NULL || !g_strv_contains ((const char * const *) last->items, material->id))
            continue;
          active = TRUE;
          break;
        case MATERIALS_RECEIVED:
        default:
          active = material->received;
          break;
        }
      add_check (self, field, material->id, material->name, subtitle, active);
    }
}

/* The officials of the case's department, in use, with any of @roles:
 * those the service will take (civic-workflow.c named_official). */
static GPtrArray *
colleagues (CivicActionDialog *self,
            CivicRole          roles)
{
  g_autoptr(GPtrArray) users = civic_cache_load_entities (civic_sync_engine_get_cache (self->engine),
                                                          CIVIC_ENTITY_USER, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      JsonNode *node = g_ptr_array_index (users, i);
      gboolean disabled = FALSE;
      g_autoptr(CivicActor) user = civic_actor_new_from_directory (json_node_get_object (node),
                                                                   &disabled);

      if (user == NULL || disabled ||
          g_strcmp0 (user->department_id, civic_case_get_department_id (self->kase)) != 0 ||
          !civic_actor_has_role (user, roles))
        continue;
      g_ptr_array_add (found, json_node_ref (node));
    }
  return found;
}

static void
add_user (CivicActionDialog *self,
          const char        *name,
          const char        *title,
          CivicRole          roles)
{
  Field *field = field_new (self, name, FIELD_USER);
  GtkWidget *row = g_object_new (ADW_TYPE_COMBO_ROW, "use-markup", FALSE, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = colleagues (self, roles);
  const char *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine))->id;

  set_title (field, title);
  field->values = g_ptr_array_new_with_free_func (g_free);
  field->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < people->len; i++)
    {
      JsonObject *user = json_node_get_object (g_ptr_array_index (people, i));
      const char *id = json_object_get_string_member_with_default (user, "id", "");

      if (g_str_equal (id, me))
        continue;
      g_ptr_array_add (field->values, g_strdup (id));
      g_ptr_array_add (field->labels,
                       g_strdup (json_object_get_string_member_with_default (user, "name", id)));
      gtk_string_list_append (labels, g_ptr_array_index (field->labels, field->labels->len - 1));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed), self);
  field->widget = row;
  add_row (self, field, row);
}

static void
add_users (CivicActionDialog *self,
           const char        *name,
           const char        *title,
           const char        *description)
{
  Field *field = add_checklist (self, name, FIELD_USERS, title, description);
  g_autoptr(GPtrArray) people = colleagues (self, CIVIC_ROLES_CASEWORK);
  const char *me = civic_cache_get_me (civic_sync_engine_get_cache (self->engine))->id;

  for (guint i = 0; i < people->len; i++)
    {
      JsonObject *user = json_node_get_object (g_ptr_array_index (people, i));
      const char *id = json_object_get_string_member_with_default (user, "id", "");

      add_check (self, field, id, json_object_get_string_member_with_default (user, "name", id),
                 NULL, g_str_equal (id, me));
    }
}

/* Enum labels with the signature add_choice takes */
static const char *recommendation_label (int value) { return civic_recommendation_get_label (value); }
static const char *ground_label (int value) { return civic_not_accept_ground_get_label (value); }
static const char *stop_reason_label (int value) { return civic_stop_reason_get_label (value); }
static const char *service_method_label (int value) { return civic_service_method_get_label (value); }
static const char *closure_label (int value) { return civic_closure_code_get_label (value); }

static void
build_form (CivicActionDialog *self)
{
  CivicClock *statutory = civic_case_get_statutory_clock (self->kase);
  Field *field;

  switch (self->action)
    {
    case CIVIC_ACTION_ACCEPT:
      add_materials (self, "received", _("Materials Handed In"),
                     _("An application is accepted only with every required material "
                       "(Administrative Licensing Law, Art. 32)."), MATERIALS_RECEIVED);
      break;

    case CIVIC_ACTION_NOT_ACCEPT:
      add_choice (self, "ground", _("_Ground"), CIVIC_TYPE_NOT_ACCEPT_GROUND, ground_label, NULL);
      field = add_entry (self, "competent_authority", _("_Competent Authority"), NULL);
      shown_when (field, "ground", "not-competent");
      add_entry (self, "legal_basis", _("_Legal Basis"), NULL);
      add_text (self, "reason", _("_Reason"), "not-accept");
      break;

    case CIVIC_ACTION_REQUEST_CORRECTION:
      add_materials (self, "missing", _("Missing Materials"),
                     _("The notice lists everything missing at once (一次性告知): a second "
                       "notice in the same round needs a reason."), MATERIALS_MISSING);
      add_text (self, "note", _("_Note to the Applicant"), "correction");
      add_entry (self, "override_reason", _("Reason for a _Second Notice"), NULL);
      break;

    case CIVIC_ACTION_CORRECTION_RECEIVED:
      add_materials (self, "received", _("Materials Received"), NULL, MATERIALS_REQUESTED);
      add_date (self, "received_on", _("Received _On"));
      break;

    case CIVIC_ACTION_ASSIGN:
    case CIVIC_ACTION_TRANSFER:
      add_user (self, "assignee", _("_Official"), civic_workflow_assignee_role (self->kase));
      add_entry (self, "reason", _("_Reason"), NULL);
      break;

    case CIVIC_ACTION_RETURN:
      add_text (self, "reason", _("_Reason for Returning"), "return");
      break;

    case CIVIC_ACTION_COMMENT:
      add_text (self, "text", _("_Comment"), "comment");
      break;

    case CIVIC_ACTION_OPINION:
      add_choice (self, "recommendation", _("_Recommendation"), CIVIC_TYPE_RECOMMENDATION,
                  recommendation_label, "approve");
      add_switch (self, "submit", _("_Hand On to the Approvers"),
                  _("Off keeps the case with you"), TRUE);
      add_text (self, "text", _("_Opinion"), "opinion-approve");
      break;

    case CIVIC_ACTION_VERIFY:
      add_users (self, "verifiers", _("Verifiers"),
                 _("A substantive verification is made by at least two officials "
                   "(Administrative Licensing Law, Art. 34)."));
      add_date (self, "on", _("_Date"));
      add_text (self, "note", _("_Findings"), NULL);
      break;

    case CIVIC_ACTION_EXTEND:
      add_number (self, "days", _("Working _Days"), 1,
                  civic_clock_get_max_extension_days (statutory),
                  civic_clock_get_max_extension_days (statutory));
      if (civic_case_get_track (self->kase) == CIVIC_TRACK_JOINT)
        add_entry (self, "approved_by", _("_Approved By (Head of Government)"), NULL);
      add_text (self, "reason", _("_Reason"), NULL);
      break;

    case CIVIC_ACTION_STOP_CLOCK:
      add_choice (self, "reason", _("_Procedure"), CIVIC_TYPE_STOP_REASON, stop_reason_label,
                  "inspection");
      add_number (self, "expected_days", _("_Expected Days"), 1, 365, 10);
      add_text (self, "note", _("_Note"), NULL);
      break;

    case CIVIC_ACTION_RESUME_CLOCK:
      add_text (self, "result", _("_Result of the Procedure"), NULL);
      break;

    case CIVIC_ACTION_INFORM_HEARING_RIGHT:
      add_list (self, "parties", _("_Parties Informed"));
      break;

    case CIVIC_ACTION_WAIVE_HEARING:
      add_text (self, "note", _("_Note"), NULL);
      break;

    case CIVIC_ACTION_REQUEST_HEARING:
      add_entry (self, "requested_by", _("_Requested By"), NULL);
      add_date (self, "requested_on", _("Requested _On"));
      break;

    case CIVIC_ACTION_ORDER_HEARING:
      add_text (self, "reason", _("_Reason (Art. 46)"), NULL);
      break;

    case CIVIC_ACTION_CONCLUDE_HEARING:
      add_entry (self, "hearing_id", _("_Hearing"), NULL);
      add_entry (self, "record_ref", _("_Record Reference"), NULL);
      add_switch (self, "record_signed", _("Record _Signed"),
                  _("The parties signed or sealed the record (Art. 48)"), FALSE);
      break;

    case CIVIC_ACTION_DECIDE:
      add_choice (self, "result", _("_Decision"), CIVIC_TYPE_RECOMMENDATION,
                  recommendation_label, NULL);
      /* Each decision has its own number: none is asked for a batch. */
      if (self->n_cases <= 1)
        add_entry (self, "number", _("Decision _Number"), NULL);
      field = add_entry (self, "legal_basis", _("_Legal Basis"), NULL);
      shown_when (field, "result", "deny");
      field = add_entry (self, "reconsideration_body", _("Re_consideration Body"), NULL);
      shown_when (field, "result", "deny");
      field = add_entry (self, "court", _("C_ourt"), NULL);
      shown_when (field, "result", "deny");
      field = add_text (self, "reason", _("_Reasons for the Refusal"), "opinion-deny");
      shown_when (field, "result", "deny");
      break;

    case CIVIC_ACTION_SERVE:
      add_choice (self, "method", _("_Method"), CIVIC_TYPE_SERVICE_METHOD, service_method_label,
                  "electronic");
      if (civic_case_get_state (self->kase) == CIVIC_CASE_STATE_APPROVED)
        add_entry (self, "certificate_no", _("_Certificate Number"), NULL);
      add_date (self, "served_on", _("Served _On"));
      break;

    case CIVIC_ACTION_CLOSE:
      add_choice (self, "code", _("_Result"), CIVIC_TYPE_CLOSURE_CODE, closure_label, NULL);
      add_text (self, "reason", _("_Reason"), NULL);
      break;

    case CIVIC_ACTION_SUBTASK_OPINION:
      add_choice (self, "result", _("_Opinion"), CIVIC_TYPE_RECOMMENDATION, recommendation_label,
                  "approve");
      add_text (self, "text", _("_Reasons"), "opinion-approve");
      break;

    case CIVIC_ACTION_CLAIM:
    case CIVIC_ACTION_RELEASE:
    case CIVIC_ACTION_START_PRE_REVIEW:
    case CIVIC_ACTION_DEEM_ACCEPT:
    default:
      break;
    }
}

/**
 * civic_action_dialog_set_args:
 *
 * Fills the form with earlier arguments: a refused action edited and
 * tried again.
 */
void
civic_action_dialog_set_args (CivicActionDialog *self,
                              JsonObject        *args)
{
  g_return_if_fail (CIVIC_IS_ACTION_DIALOG (self));

  for (guint i = 0; args != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      JsonNode *value = json_object_get_member (args, field->name);

      if (value == NULL && field->kind != FIELD_USER)
        continue;

      switch (field->kind)
        {
        case FIELD_ENTRY:
        case FIELD_DATE:
          if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
            gtk_editable_set_text (GTK_EDITABLE (field->widget), json_node_get_string (value));
          break;
        case FIELD_TEXT:
          if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                      json_node_get_string (value), -1);
          break;
        case FIELD_CHOICE:
          for (guint j = 0; j < field->values->len; j++)
            if (g_strcmp0 (g_ptr_array_index (field->values, j),
                           JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL) == 0)
              adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), j);
          break;
        case FIELD_NUMBER:
          if (JSON_NODE_HOLDS_VALUE (value))
            gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), json_node_get_int (value));
          break;
        case FIELD_SWITCH:
          if (JSON_NODE_HOLDS_VALUE (value))
            gtk_switch_set_active (GTK_SWITCH (field->widget), json_node_get_boolean (value));
          break;
        case FIELD_MATERIALS:
        case FIELD_USERS:
          if (JSON_NODE_HOLDS_ARRAY (value))
            for (guint j = 0; j < field->values->len; j++)
              {
                gboolean found = FALSE;
                JsonArray *array = json_node_get_array (value);

                for (guint k = 0; k < json_array_get_length (array); k++)
                  found |= g_strcmp0 (json_array_get_string_element (array, k),
                                      g_ptr_array_index (field->values, j)) == 0;
                gtk_check_button_set_active (g_ptr_array_index (field->checks, j), found);
              }
          break;
        case FIELD_USER:
          {
            g_autofree char *id_member = g_strconcat (field->name, "_id", NULL);
            const char *id = json_object_get_string_member_with_default (args, id_member, NULL);

            for (guint j = 0; id != NULL && j < field->values->len; j++)
              if (g_str_equal (g_ptr_array_index (field->values, j), id))
                adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), j);
          }
          break;
        case FIELD_LIST:
          if (JSON_NODE_HOLDS_ARRAY (value))
            {
              g_autoptr(GString) text = g_string_new (NULL);
              JsonArray *array = json_node_get_array (value);

              for (guint k = 0; k < json_array_get_length (array); k++)
                g_string_append_printf (text, "%s%s", k > 0 ? ", " : "",
                                        json_array_get_string_element (array, k));
              gtk_editable_set_text (GTK_EDITABLE (field->widget), text->str);
            }
          break;
        default:
          break;
        }
    }

  changed (self);
}

/**
 * civic_action_show_refusal:
 * @parent: (nullable): the window the message belongs to
 *
 * Why the rules or the cache refused @action, in a message that stays
 * until it is read.
 */
void
civic_action_show_refusal (GtkWindow    *parent,
                           CivicAction   action,
                           const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, civic_action_get_label (action),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * civic_action_dialog_set_command_id:
 * @command_id: (nullable): the refused command the dialog changes
 *
 * A dialog that changes a refused command (Conflicts) keeps its id.
 */
void
civic_action_dialog_set_command_id (CivicActionDialog *self,
                                    const char        *command_id)
{
  g_return_if_fail (CIVIC_IS_ACTION_DIALOG (self));

  g_free (self->command_id);
  self->command_id = g_strdup (command_id);
}

const char *
civic_action_dialog_get_command_id (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return self->command_id;
}

/**
 * civic_action_dialog_give_back:
 * @self: a dialog whose "apply" was refused
 * @args: what the official had entered
 * @error: why it was refused
 *
 * A dialog closes when it is answered; what the official typed must not
 * go with it. Opens the same form again, filled in as they left it (for
 * the same refused command, if any), and the refusal on top.
 *
 * Returns: (transfer none): the new dialog, for the caller's "response"
 */
CivicActionDialog *
civic_action_dialog_give_back (CivicActionDialog *self,
                               JsonObject        *args,
                               const GError      *error)
{
  CivicActionDialog *again;

  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);

  again = civic_action_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->engine,
                                   self->kase, self->action, self->n_cases);
  civic_action_dialog_set_args (again, args);
  civic_action_dialog_set_command_id (again, self->command_id);
  gtk_window_present (GTK_WINDOW (again));
  civic_action_show_refusal (GTK_WINDOW (again), self->action, error);
  return again;
}

/**
 * civic_action_dialog_get_case:
 *
 * Returns: (transfer none): the case the action is for (the first of a
 *   batch)
 */
CivicCase *
civic_action_dialog_get_case (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return self->kase;
}

CivicAction
civic_action_dialog_get_action (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), 0);
  return self->action;
}

/**
 * civic_action_dialog_get_refusal:
 *
 * Returns: (nullable): why the rules refuse the action with the form as
 * it is, or %NULL when they take it.
 */
const char *
civic_action_dialog_get_refusal (CivicActionDialog *self)
{
  g_return_val_if_fail (CIVIC_IS_ACTION_DIALOG (self), NULL);
  return self->refusal;
}

static void
civic_action_dialog_dispose (GObject *object)
{
  CivicActionDialog *self = (CivicActionDialog *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->engine);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (civic_action_dialog_parent_class)->dispose (object);
}

static void
civic_action_dialog_finalize (GObject *object)
{
  CivicActionDialog *self = (CivicActionDialog *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->refusal);
  g_free (self->command_id);

  G_OBJECT_CLASS (civic_action_dialog_parent_class)->finalize (object);
}

static void
civic_action_dialog_class_init (CivicActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_action_dialog_dispose;
  object_class->finalize = civic_action_dialog_finalize;
}

static void
civic_action_dialog_init (CivicActionDialog *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

static gboolean
is_destructive (CivicAction action)
{
  return action == CIVIC_ACTION_NOT_ACCEPT || action == CIVIC_ACTION_CLOSE ||
         action == CIVIC_ACTION_RETURN;
}

static gboolean
is_deliberate (CivicAction action)
{
  return is_destructive (action) || action == CIVIC_ACTION_DECIDE ||
         action == CIVIC_ACTION_ASSIGN || action == CIVIC_ACTION_TRANSFER;
}

/**
 * civic_action_dialog_new:
 * @kase: the case; for several, the first (the form is checked on it)
 * @n_cases: how many cases the action will be taken on
 *
 * A dialog with the responses "cancel" and "apply".
 */
CivicActionDialog *
civic_action_dialog_new (GtkWindow       *parent,
                         CivicSyncEngine *engine,
                         CivicCase       *kase,
                         CivicAction      action,
                         guint            n_cases)
{
  CivicActionDialog *self;
  GtkWidget *scrolled;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (engine), NULL);
  g_return_val_if_fail (CIVIC_IS_CASE (kase), NULL);

  if (n_cases > 1)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For %u case. Each is checked by the rules on its own.",
                                         "For %u cases. Each is checked by the rules on its own.",
                                         n_cases), n_cases);
  else
    /* Translators: the case number, then the service item */
    body = g_strdup_printf (_("%s — %s"), civic_case_get_number (kase),
                            civic_case_get_item_name (kase));

  self = g_object_new (CIVIC_TYPE_ACTION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", civic_action_get_label (action),
                       "body", body,
                       "close-response", "cancel",
                       /* Enter does not decide, hand over or refuse: a click does. */
                       "default-response", is_deliberate (action) ? NULL : "apply",
                       NULL);
  self->engine = g_object_ref (engine);
  self->kase = g_object_ref (kase);
  self->action = action;
  self->n_cases = n_cases;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  self->group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (self->box), self->group);

  build_form (self);
  /* A group without rows would draw an empty frame. */
  {
    gboolean has_rows = FALSE;

    for (guint i = 0; i < self->fields->len; i++)
      {
        Field *field = g_ptr_array_index (self->fields, i);

        has_rows |= gtk_widget_get_ancestor (field->row, ADW_TYPE_PREFERENCES_GROUP) == self->group;
      }
    gtk_widget_set_visible (self->group, has_rows);
  }

  self->refusal_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->refusal_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->refusal_label), 0);
  gtk_widget_add_css_class (self->refusal_label, "error");
  gtk_widget_set_visible (self->refusal_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->refusal_label);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 460);
  gtk_widget_set_size_request (scrolled, 380, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "apply", civic_action_get_label (action),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                              is_destructive (action)
                                              ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);

  check_now (self);
  return self;
}
