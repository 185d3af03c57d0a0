/* civic-form.c — a form built from what an action asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "civic-accessible.h"
#include "civic-form.h"
#include "civic-json.h"
#include "civic-time.h"

/* One form for every action of every kind: the kind declares what the
 * action asks for (civic-argument.h), and the form asks it — a line, a
 * text with the official's common phrases, a choice, a date, a number, a
 * switch, a checklist, an official. While the official fills it in, the
 * same rules the service runs are tried on the record with what is there
 * so far: the form is valid only when they agree, and the rules' reason
 * shows under it when they do not. */

typedef struct
{
  const CivicArgument *argument;
  char                *title;    /* as shown, without the mnemonic */
  GtkWidget           *widget;   /* the entry, text view, combo, spin, switch, group */
  GtkWidget           *row;      /* what is shown and hidden */
  GPtrArray           *values;   /* choices: nicks; checklists, officials: the options' values */
  GPtrArray           *checks;   /* checklists: the check buttons */
} Field;

struct _CivicForm
{
  GtkBox                 parent_instance;

  CivicSyncEngine       *engine;
  const CivicEntityKind *kind;
  GObject               *record;
  guint                  action;
  guint                  n_records;

  GtkWidget             *group;
  GtkWidget             *refusal_label;
  GPtrArray             *fields;
  char                  *refusal;
  gboolean               valid;
  guint                  check_source;
};

G_DEFINE_FINAL_TYPE (CivicForm, civic_form, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_VALID,
  PROP_REFUSAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_free (Field *field)
{
  g_free (field->title);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_clear_pointer (&field->checks, g_ptr_array_unref);
  g_free (field);
}

/* Reading the form */

static Field *
find_field (CivicForm  *self,
            const char *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->argument->name, name))
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
field_is_shown (CivicForm *self,
                Field     *field)
{
  const char *name = field->argument->shown_when.name;
  Field *other;

  if (name == NULL)
    return TRUE;
  other = find_field (self, name);
  return other != NULL && g_strcmp0 (choice_of (other), field->argument->shown_when.value) == 0;
}

static JsonArray *
names_of (const char *text)
{
  g_autofree char *all = g_strdup (text);
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
  return array;
}

static void
read_field (Field      *field,
            JsonObject *args)
{
  const char *name = field->argument->name;
  g_autofree char *text = NULL;

  switch (field->argument->kind)
    {
    case CIVIC_ARGUMENT_LINE:
    case CIVIC_ARGUMENT_DATE:
    case CIVIC_ARGUMENT_TIME:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
      if (*text != '\0')
        json_object_set_string_member (args, name, text);
      break;
    case CIVIC_ARGUMENT_TEXT:
      text = text_of (field->widget);
      if (*text != '\0')
        json_object_set_string_member (args, name, text);
      break;
    case CIVIC_ARGUMENT_CHOICE:
    case CIVIC_ARGUMENT_OPTION:
      /* An official by id only: the name a record shows is the directory's. */
      if (choice_of (field) != NULL)
        json_object_set_string_member (args, name, choice_of (field));
      break;
    case CIVIC_ARGUMENT_NUMBER:
      json_object_set_int_member (args, name,
                                  gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)));
      break;
    case CIVIC_ARGUMENT_SWITCH:
      json_object_set_boolean_member (args, name, gtk_switch_get_active (GTK_SWITCH (field->widget)));
      break;
    case CIVIC_ARGUMENT_CHECKLIST:
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; i < field->checks->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (field->checks, i)))
            json_array_add_string_element (array, g_ptr_array_index (field->values, i));
        json_object_set_array_member (args, name, array);
      }
      break;
    case CIVIC_ARGUMENT_NAMES:
      json_object_set_array_member (args, name,
                                    names_of (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
      break;
    case CIVIC_ARGUMENT_PASSWORD:
    case CIVIC_ARGUMENT_KEY:
      json_object_set_string_member (args, name, g_object_get_data (G_OBJECT (field->widget),
                                                                    "hash"));
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * civic_form_dup_args:
 *
 * Returns: (transfer full): the action's arguments as the form has them;
 * empty answers, and what is not shown, are left out.
 */
JsonObject *
civic_form_dup_args (CivicForm *self)
{
  JsonObject *args = json_object_new ();

  g_return_val_if_fail (CIVIC_IS_FORM (self), args);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field_is_shown (self, field))
        read_field (field, args);
    }
  return args;
}

/* Whether the official has yet to answer @field: it gives the wire
 * nothing, or an empty list. A number or a switch always answers. */
static gboolean
field_is_empty (Field *field)
{
  g_autoptr(JsonObject) answer = json_object_new ();
  JsonNode *value;

  read_field (field, answer);
  value = json_object_get_member (answer, field->argument->name);
  return value == NULL ||
         (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) == 0);
}

/**
 * civic_form_dup_missing:
 *
 * Returns: (nullable): the names of the required fields shown and not
 * answered yet, as a list to read ("Findings, Certificate Number"), or
 * %NULL when there are none
 */
char *
civic_form_dup_missing (CivicForm *self)
{
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (CIVIC_IS_FORM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!field->argument->required || !field_is_shown (self, field) || !field_is_empty (field))
        continue;
      if (names == NULL)
        names = g_string_new (NULL);
      else
        /* Translators: between the names of fields in a list */
        g_string_append (names, C_("list", ", "));
      g_string_append (names, field->title);
    }
  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* What the rules say */

/* The rules name a missing argument as the wire does ("“text” is
 * missing"); the form names it as the official sees it. */
static char *
explain (CivicForm    *self,
         const GError *error)
{
  if (error->domain == CIVIC_WORKFLOW_ERROR && error->code == CIVIC_WORKFLOW_ERROR_ARGUMENT)
    for (guint i = 0; i < self->fields->len; i++)
      {
        Field *field = g_ptr_array_index (self->fields, i);
        g_autofree char *quoted = g_strdup_printf ("“%s”", field->argument->name);

        if (strstr (error->message, quoted) != NULL)
          /* Translators: %s is the name of a field of the form */
          return g_strdup_printf (_("Fill in “%s”"), field->title);
      }

  return g_strdup (error->message);
}

static gboolean
check_now (gpointer data)
{
  CivicForm *self = data;
  g_autoptr(JsonObject) args = civic_form_dup_args (self);
  g_autoptr(GObject) after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_valid = self->valid;
  g_autofree char *was_refused = g_steal_pointer (&self->refusal);
  g_autofree char *missing = NULL;

  self->check_source = 0;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_widget_set_visible (field->row, field_is_shown (self, field));
    }

  after = civic_sync_engine_try_action (self->engine, self->kind, self->kind->get_id (self->record),
                                        self->action, args, &error);

  self->valid = after != NULL;
  self->refusal = after == NULL ? explain (self, error) : NULL;

  /* Under the form, what it still needs — said at once, quietly, so a
   * button is never greyed out without a reason; once it has all that,
   * why the rules refuse, as an error. */
  missing = civic_form_dup_missing (self);
  if (missing != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s lists fields of the form, "Findings, Date" */
      text = g_strdup_printf (_("Still needed: %s"), missing);
      gtk_label_set_label (GTK_LABEL (self->refusal_label), text);
      gtk_widget_remove_css_class (self->refusal_label, "error");
      gtk_widget_add_css_class (self->refusal_label, "dim-label");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->refusal_label), self->refusal ? self->refusal : "");
      gtk_widget_remove_css_class (self->refusal_label, "dim-label");
      gtk_widget_add_css_class (self->refusal_label, "error");
    }
  gtk_widget_set_visible (self->refusal_label, missing != NULL || self->refusal != NULL);

  if (g_strcmp0 (was_refused, self->refusal) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSAL]);
  if (was_valid != self->valid)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);

  return G_SOURCE_REMOVE;
}

/**
 * civic_form_check_now:
 *
 * Tries the rules on the form as it is, without waiting for the official
 * to pause.
 */
void
civic_form_check_now (CivicForm *self)
{
  g_return_if_fail (CIVIC_IS_FORM (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  check_now (self);
}

static void
changed (CivicForm *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (150, check_now, self);
}

/* Building the form */

static Field *
field_new (CivicForm           *self,
           const CivicArgument *argument)
{
  Field *field = g_new0 (Field, 1);
  g_autoptr(GString) plain = g_string_new (NULL);

  /* The title as words: without the mnemonic, whether it is marked in
   * the word ("_Reason") or after it, as Chinese does ("理由(_R)"). */
  for (const char *p = _(argument->title); *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (*p != '_')
        g_string_append_c (plain, *p);
    }
  field->argument = argument;
  field->title = g_strdup (plain->str);
  g_ptr_array_add (self->fields, field);
  return field;
}

/* A row of the form's group, titled with the argument's mnemonic */
static GtkWidget *
add_row (CivicForm *self,
         Field     *field,
         GType      row_type)
{
  GtkWidget *row = g_object_new (row_type,
                                 "title", _(field->argument->title),
                                 "use-underline", TRUE,
                                 NULL);

  if (g_type_is_a (row_type, ADW_TYPE_ACTION_ROW))
    g_object_set (row, "use-markup", FALSE, NULL);
  if (field->argument->description != NULL && ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field->argument->description));
  field->row = row;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
  return row;
}

/* The day the calendar shows, as a date field has it: "2026-03-20" */
static char *
calendar_text (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return civic_day_format (civic_day_from_ymd (g_date_time_get_year (date),
                                               g_date_time_get_month (date),
                                               g_date_time_get_day_of_month (date)));
}

/* A date is typed or picked: the calendar opens on the date typed. */
static void
calendar_day_selected (GtkCalendar *calendar,
                       GtkEditable *row)
{
  g_autofree char *text = calendar_text (calendar);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  if (g_strcmp0 (gtk_editable_get_text (row), text) == 0)
    return;
  gtk_editable_set_text (row, text);
  if (popover != NULL && gtk_widget_get_visible (popover))
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The month or the year turned: GtkCalendar moves its day with them but
 * says nothing of a day selected, and a click on the same day number
 * then says nothing either. The field follows the calendar; it stays
 * open to pick another day. */
static void
calendar_turned (GtkCalendar *calendar,
                 GParamSpec  *pspec,
                 GtkEditable *row)
{
  g_autofree char *text = calendar_text (calendar);

  gtk_editable_set_text (row, text);
}

static void
calendar_shown (GtkPopover  *popover,
                GtkEditable *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  CivicDay day;
  int year, month, mday;

  if (!civic_day_parse (gtk_editable_get_text (row), &day))
    day = civic_time_today ();
  civic_day_to_ymd (day, &year, &month, &mday);
  {
    g_autoptr(GDateTime) shown = g_date_time_new_local (year, month, mday, 0, 0, 0);

    /* Showing the date typed is no choice of the official's */
    g_signal_handlers_block_by_func (calendar, calendar_day_selected, row);
    g_signal_handlers_block_by_func (calendar, calendar_turned, row);
    gtk_calendar_select_day (calendar, shown);
    g_signal_handlers_unblock_by_func (calendar, calendar_turned, row);
    g_signal_handlers_unblock_by_func (calendar, calendar_day_selected, row);
  }
}

static GtkWidget *
calendar_button (GtkWidget *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  civic_accessible_set_name (button, _("Choose a Date"));
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_shown), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (calendar_day_selected), row, 0);
  g_signal_connect_object (calendar, "notify::month", G_CALLBACK (calendar_turned), row, 0);
  g_signal_connect_object (calendar, "notify::year", G_CALLBACK (calendar_turned), row, 0);
  return button;
}

static void
add_entry (CivicForm *self,
           Field     *field)
{
  GtkWidget *row = add_row (self, field, ADW_TYPE_ENTRY_ROW);

  if (field->argument->kind == CIVIC_ARGUMENT_DATE)
    {
      if (g_strcmp0 (field->argument->usual, "none") != 0)
        {
          g_autofree char *today = civic_day_format (civic_time_today ());

          gtk_editable_set_text (GTK_EDITABLE (row), today);
        }
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), calendar_button (row));
    }
  /* What the record already says, for one record: a batch's records may
   * each say something else */
  if (field->argument->usual_text != NULL && self->n_records == 1)
    {
      g_autofree char *usual = field->argument->usual_text (self->record);

      if (usual != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), usual);
    }
  if (field->argument->kind == CIVIC_ARGUMENT_NAMES)
    gtk_widget_set_tooltip_text (row, _("Separate names with commas"));
  if (field->argument->kind == CIVIC_ARGUMENT_TIME)
    gtk_widget_set_tooltip_text (row, _("Hours and minutes, such as 09:30"));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed), self);
  field->widget = row;
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
phrases_button (CivicForm  *self,
                const char *key,
                GtkWidget  *view)
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
      GtkWidget *item, *label;

      /* From the service's templates: only strings make phrases */
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      item = gtk_button_new_with_label (json_node_get_string (element));
      label = gtk_button_get_child (GTK_BUTTON (item));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (item, "flat");
      g_signal_connect (item, "clicked", G_CALLBACK (insert_phrase), view);
      gtk_box_append (GTK_BOX (box), item);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* As wide as the phrases, up to 40 characters a line: a stock opinion
   * in Chinese reads as a sentence, not four characters a line */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
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

static void
add_text (CivicForm *self,
          Field     *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_(field->argument->title));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *phrases = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_box_append (GTK_BOX (header), label);
  if (field->argument->phrases != NULL &&
      (phrases = phrases_button (self, field->argument->phrases, view)) != NULL)
    gtk_box_append (GTK_BOX (header), phrases);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  /* What the record says now, to amend (a hearing's record) */
  if (field->argument->usual_text != NULL && self->n_records == 1)
    {
      g_autofree char *usual = field->argument->usual_text (self->record);

      if (usual != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), usual, -1);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (changed), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), frame);

  field->widget = view;
  field->row = box;
  gtk_box_insert_child_after (GTK_BOX (self), box, gtk_widget_get_prev_sibling (self->refusal_label));
}

static void
add_choice (CivicForm *self,
            Field     *field)
{
  const CivicArgument *argument = field->argument;
  GtkWidget *row = add_row (self, field, ADW_TYPE_COMBO_ROW);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GEnumClass *klass = g_type_class_ref (argument->enum_type ());

  field->values = g_ptr_array_new ();
  /* Without a usual answer (a decision, a ground, a closure) nothing is
   * chosen for the official: they choose. */
  if (argument->usual == NULL)
    {
      g_ptr_array_add (field->values, NULL);
      gtk_string_list_append (labels, _("Choose…"));
    }
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = argument->enum_label (klass->values[i].value);

      /* A value no official chooses (a state the enum has) */
      if (label == NULL)
        continue;
      g_ptr_array_add (field->values, (char *) klass->values[i].value_nick);
      gtk_string_list_append (labels, label);
    }
  g_type_class_unref (klass);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  civic_accessible_name_choices (row, NULL);
  for (guint i = 0; argument->usual != NULL && i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), argument->usual) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed), self);
  field->widget = row;
}

static void
add_number (CivicForm *self,
            Field     *field)
{
  const CivicArgument *argument = field->argument;
  GtkWidget *row = add_row (self, field, ADW_TYPE_ACTION_ROW);
  int max = argument->max_for != NULL ? argument->max_for (self->record) : argument->max;
  int usual = argument->max_for != NULL ? max : argument->usual_number;
  GtkWidget *spin = gtk_spin_button_new_with_range (argument->min, MAX (argument->min, max), 1);

  /* What the record holds now (a room's seats, to be edited) */
  if (argument->usual_number_for != NULL && self->record != NULL)
    usual = argument->usual_number_for (self->record);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), usual);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (changed), self);
  field->widget = spin;
}

/* A secret the client makes, shown once to be given on, and sent only as
 * its hash, made here once: an official's temporary password (twelve
 * letters and digits no one mistakes for another, hashed with Argon2id as
 * costly as the service's own, civic_account_check_password_hash()) or a
 * program's Open311 key (24 random bytes in hex, as SHA-256) */
static const char password_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

static void
copy_secret_cb (GtkButton *button,
                GtkLabel  *label)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)),
                          gtk_label_get_text (label));
}

static void
add_secret (CivicForm *self,
            Field     *field)
{
  gboolean password = field->argument->kind == CIVIC_ARGUMENT_PASSWORD;
  GtkWidget *row = add_row (self, field, ADW_TYPE_ACTION_ROW);
  GtkWidget *label, *copy;
  char secret[49];
  g_autofree char *hash = NULL;

  if (sodium_init () < 0)
    g_error ("The cryptography library could not start");
  if (password)
    {
      char stored[crypto_pwhash_STRBYTES];

      for (guint i = 0; i < 12; i++)
        secret[i] = password_alphabet[randombytes_uniform (sizeof password_alphabet - 1)];
      secret[12] = '\0';
      if (crypto_pwhash_str (stored, secret, 12, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        g_error ("Not enough memory to hash a password");
      hash = g_strdup (stored);
    }
  else
    {
      guint8 bytes[24];

      randombytes_buf (bytes, sizeof bytes);
      sodium_bin2hex (secret, sizeof secret, bytes, sizeof bytes);
      sodium_memzero (bytes, sizeof bytes);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, secret, -1);
    }

  label = gtk_label_new (secret);
  sodium_memzero (secret, sizeof secret);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  if (password)
    gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  password ? _("Temporary password") : _("The key"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, password ? _("Copy the password") : _("Copy the key"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  password ? _("Copy the password") : _("Copy the key"), -1);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_secret_cb), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
  g_object_set_data_full (G_OBJECT (label), "hash", g_steal_pointer (&hash), g_free);
  field->widget = label;
}

static void
add_switch (CivicForm *self,
            Field     *field)
{
  GtkWidget *row = add_row (self, field, ADW_TYPE_ACTION_ROW);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (toggle), field->argument->usual_number != 0);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (changed), self);
  field->widget = toggle;
}

/**
 * civic_form_options:
 *
 * What a checklist or an official's choice offers for @record (%NULL
 * for one not made yet), from the cache: the directory, the rooms, the
 * columns, the departments.
 *
 * Returns: (transfer full) (element-type CivicArgumentOption)
 */
GPtrArray *
civic_form_options (CivicSyncEngine     *engine,
                    const CivicArgument *argument,
                    GObject             *record)
{
  CivicCache *cache = civic_sync_engine_get_cache (engine);
  const CivicActor *me = civic_cache_get_me (cache);
  g_autoptr(GPtrArray) users = civic_cache_load_entities (cache, CIVIC_ENTITY_USER, NULL);
  g_autoptr(GPtrArray) rooms = civic_cache_load_entities (cache, CIVIC_ENTITY_ROOM, NULL);
  g_autoptr(GPtrArray) columns = civic_cache_load_entities (cache, CIVIC_ENTITY_DISCLOSURE_COLUMN,
                                                            NULL);
  g_autoptr(GPtrArray) departments = civic_cache_load_entities (cache, CIVIC_ENTITY_DEPARTMENT,
                                                                NULL);
  CivicArgumentSources sources = { users, me->id, rooms, me->department_id, columns,
                                   departments, me->roles };

  g_return_val_if_fail (argument->options != NULL, NULL);
  return argument->options (record, &sources);
}

static GPtrArray *
options_of (CivicForm *self,
            Field     *field)
{
  return civic_form_options (self->engine, field->argument, self->record);
}

/* A long checklist folds into one row that names what is checked */
#define FOLDED_CHECKLIST 6

static void
checklist_row_update (AdwExpanderRow *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "civic-checks");
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        if (chosen->len > 0)
          g_string_append (chosen, _(", "));
        g_string_append (chosen, g_object_get_data (g_ptr_array_index (checks, i), "civic-label"));
      }
  /* Translators: a folded checklist with nothing checked */
  adw_expander_row_set_subtitle (row, chosen->len > 0 ? chosen->str : _("None"));
}

/* A row with a check button for one option; the button carries the
 * option's value as "civic-value" and its label as "civic-label" */
static GtkWidget *
check_row_new (CivicArgumentOption  *option,
               GtkWidget           **check_out)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "use-markup", FALSE,
                                 "title", option->label,
                                 NULL);
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), option->active);
  if (option->detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), option->detail);
  g_object_set_data_full (G_OBJECT (check), "civic-value", g_strdup (option->value), g_free);
  g_object_set_data_full (G_OBJECT (check), "civic-label", g_strdup (option->label), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = check;
  return row;
}

/**
 * civic_form_checklist_row_fill:
 * @row: a row from civic_form_checklist_row_new()
 * @options: (element-type CivicArgumentOption): what it offers now
 *
 * Puts a check row per option in place of those the row had. Each check
 * button carries its option's value as "civic-value".
 */
void
civic_form_checklist_row_fill (GtkWidget *row,
                               GPtrArray *options)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "civic-checks");
  GPtrArray *rows = g_object_get_data (G_OBJECT (row), "civic-check-rows");

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (row), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_set_size (checks, 0);

  for (guint i = 0; i < options->len; i++)
    {
      GtkWidget *check;
      CivicArgumentOption *option = g_ptr_array_index (options, i);
      GtkWidget *check_row = check_row_new (option, &check);

      /* folded, the row's title is out of sight: the button says it */
      civic_accessible_set_name (check, option->label);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (checklist_row_update), row);
      g_ptr_array_add (checks, check);
      g_ptr_array_add (rows, check_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), check_row);
    }
  checklist_row_update (ADW_EXPANDER_ROW (row));
  civic_accessible_name_expander_row (ADW_EXPANDER_ROW (row));
}

/**
 * civic_form_checklist_row_new:
 * @options: (element-type CivicArgumentOption): what it offers
 *
 * One row that unfolds into a check row per option, and says which are
 * checked while folded.
 */
GtkWidget *
civic_form_checklist_row_new (const char *title,
                              GPtrArray  *options)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  /* The subtitle names what is checked: text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "civic-checks", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (row), "civic-check-rows", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  civic_form_checklist_row_fill (row, options);
  return row;
}

/**
 * civic_form_checklist_row_get_checks:
 *
 * Returns: (transfer none) (element-type GtkCheckButton): the row's
 * check buttons, in the options' order
 */
GPtrArray *
civic_form_checklist_row_get_checks (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "civic-checks");
}

static void
add_checklist (CivicForm *self,
               Field     *field)
{
  GtkWidget *group;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) options = options_of (self, field);

  if (options->len > FOLDED_CHECKLIST)
    {
      GtkWidget *row = civic_form_checklist_row_new (_(field->argument->title), options);
      GPtrArray *checks = civic_form_checklist_row_get_checks (row);

      field->values = g_ptr_array_new_with_free_func (g_free);
      field->checks = g_ptr_array_new ();
      for (guint i = 0; i < checks->len; i++)
        {
          GtkWidget *check = g_ptr_array_index (checks, i);

          g_ptr_array_add (field->values, g_strdup (g_object_get_data (G_OBJECT (check), "civic-value")));
          g_ptr_array_add (field->checks, check);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed), self);
        }
      field->widget = row;
      field->row = row;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      return;
    }

  group = adw_preferences_group_new ();
  title = civic_accessible_plain_title (_(field->argument->title));

  /* A group's title has no mnemonic: its checks have their own */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (field->argument->description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _(field->argument->description));
  field->values = g_ptr_array_new_with_free_func (g_free);
  field->checks = g_ptr_array_new ();

  for (guint i = 0; i < options->len; i++)
    {
      CivicArgumentOption *option = g_ptr_array_index (options, i);
      GtkWidget *check;
      GtkWidget *row = check_row_new (option, &check);

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed), self);
      g_ptr_array_add (field->values, g_strdup (option->value));
      g_ptr_array_add (field->checks, check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  field->widget = group;
  field->row = group;
  gtk_box_insert_child_after (GTK_BOX (self), group,
                              gtk_widget_get_prev_sibling (self->refusal_label));
}

static void
add_official (CivicForm *self,
              Field     *field)
{
  GtkWidget *row = add_row (self, field, ADW_TYPE_COMBO_ROW);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) options = options_of (self, field);
  guint chosen = 0;

  field->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < options->len; i++)
    {
      CivicArgumentOption *option = g_ptr_array_index (options, i);

      g_ptr_array_add (field->values, g_strdup (option->value));
      gtk_string_list_append (labels, option->label);
      /* What the record holds now (an account's department) */
      if (option->active && chosen == 0)
        chosen = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), chosen);
  civic_accessible_name_choices (row, NULL);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed), self);
  field->widget = row;
}

/* Says that the rules want @field answered: in words beside its title,
 * and to a screen reader. A number or a switch always has an answer. */
static void
mark_required (Field *field)
{
  GtkWidget *label;

  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);

  switch (field->argument->kind)
    {
    case CIVIC_ARGUMENT_NUMBER:
    case CIVIC_ARGUMENT_SWITCH:
    case CIVIC_ARGUMENT_PASSWORD:
    case CIVIC_ARGUMENT_KEY:
      return;
    case CIVIC_ARGUMENT_CHOICE:
    case CIVIC_ARGUMENT_OPTION:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _("Required"));
      return;
    default:
      break;
    }

  label = gtk_label_new (_("Required"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (ADW_IS_ENTRY_ROW (field->row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), label);
  else if (ADW_IS_EXPANDER_ROW (field->row))
    /* A long checklist, folded: beside its title, not among its rows */
    adw_expander_row_add_action (ADW_EXPANDER_ROW (field->row), label);
  else if (ADW_IS_PREFERENCES_GROUP (field->row))
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (field->row), label);
  else
    /* A text: its header, the title's row */
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_first_child (field->row)), label,
                                gtk_widget_get_first_child (gtk_widget_get_first_child (field->row)));
}

static void
build (CivicForm *self)
{
  const CivicArgument *arguments = self->kind->arguments (self->action);
  gboolean has_rows = FALSE;

  for (guint i = 0; arguments[i].name != NULL; i++)
    {
      const CivicArgument *argument = &arguments[i];
      Field *field;

      if (!civic_argument_is_asked (argument, self->record, self->n_records))
        continue;

      field = field_new (self, argument);
      switch (argument->kind)
        {
        case CIVIC_ARGUMENT_LINE:
        case CIVIC_ARGUMENT_DATE:
        case CIVIC_ARGUMENT_TIME:
        case CIVIC_ARGUMENT_NAMES:
          add_entry (self, field);
          break;
        case CIVIC_ARGUMENT_TEXT:
          add_text (self, field);
          break;
        case CIVIC_ARGUMENT_CHOICE:
          add_choice (self, field);
          break;
        case CIVIC_ARGUMENT_NUMBER:
          add_number (self, field);
          break;
        case CIVIC_ARGUMENT_SWITCH:
          add_switch (self, field);
          break;
        case CIVIC_ARGUMENT_CHECKLIST:
          add_checklist (self, field);
          break;
        case CIVIC_ARGUMENT_OPTION:
          add_official (self, field);
          break;
        case CIVIC_ARGUMENT_PASSWORD:
        case CIVIC_ARGUMENT_KEY:
          add_secret (self, field);
          break;
        default:
          g_assert_not_reached ();
        }

      if (argument->required)
        mark_required (field);
      has_rows |= gtk_widget_get_parent (field->row) != GTK_WIDGET (self);
    }

  /* A group without rows would draw an empty frame. */
  gtk_widget_set_visible (self->group, has_rows);
}

/**
 * civic_form_set_args:
 *
 * Fills the form with earlier arguments: a refused action edited and
 * tried again.
 */
void
civic_form_set_args (CivicForm  *self,
                     JsonObject *args)
{
  g_return_if_fail (CIVIC_IS_FORM (self));

  for (guint i = 0; args != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      JsonNode *value = json_object_get_member (args, field->argument->name);
      const char *text;

      if (value == NULL)
        continue;
      text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
             ? json_node_get_string (value) : NULL;

      switch (field->argument->kind)
        {
        case CIVIC_ARGUMENT_LINE:
        case CIVIC_ARGUMENT_DATE:
        case CIVIC_ARGUMENT_TIME:
          if (text != NULL)
            gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
          break;
        case CIVIC_ARGUMENT_TEXT:
          if (text != NULL)
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                      text, -1);
          break;
        case CIVIC_ARGUMENT_CHOICE:
        case CIVIC_ARGUMENT_OPTION:
          for (guint j = 0; text != NULL && j < field->values->len; j++)
            if (g_strcmp0 (g_ptr_array_index (field->values, j), text) == 0)
              adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), j);
          break;
        case CIVIC_ARGUMENT_NUMBER:
          if (JSON_NODE_HOLDS_VALUE (value))
            gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), json_node_get_int (value));
          break;
        case CIVIC_ARGUMENT_SWITCH:
          if (JSON_NODE_HOLDS_VALUE (value))
            gtk_switch_set_active (GTK_SWITCH (field->widget), json_node_get_boolean (value));
          break;
        case CIVIC_ARGUMENT_CHECKLIST:
          for (guint j = 0; JSON_NODE_HOLDS_ARRAY (value) && j < field->values->len; j++)
            {
              JsonArray *array = json_node_get_array (value);
              gboolean found = FALSE;

              for (guint k = 0; k < json_array_get_length (array); k++)
                found |= g_strcmp0 (json_array_get_string_element (array, k),
                                    g_ptr_array_index (field->values, j)) == 0;
              gtk_check_button_set_active (g_ptr_array_index (field->checks, j), found);
            }
          break;
        case CIVIC_ARGUMENT_NAMES:
          if (JSON_NODE_HOLDS_ARRAY (value))
            {
              g_autoptr(GString) names = g_string_new (NULL);
              JsonArray *array = json_node_get_array (value);

              for (guint k = 0; k < json_array_get_length (array); k++)
                g_string_append_printf (names, "%s%s", k > 0 ? ", " : "",
                                        json_array_get_string_element (array, k));
              gtk_editable_set_text (GTK_EDITABLE (field->widget), names->str);
            }
          break;
        default:
          break;
        }
    }

  changed (self);
}

/**
 * civic_form_is_empty:
 *
 * Whether the form asks for nothing: an action taken at once.
 */
gboolean
civic_form_is_empty (CivicForm *self)
{
  g_return_val_if_fail (CIVIC_IS_FORM (self), TRUE);
  return self->fields->len == 0;
}

/**
 * civic_form_get_valid:
 *
 * Whether the rules take the action with the form as it is.
 */
gboolean
civic_form_get_valid (CivicForm *self)
{
  g_return_val_if_fail (CIVIC_IS_FORM (self), FALSE);
  return self->valid;
}

/**
 * civic_form_get_refusal:
 *
 * Returns: (nullable): why the rules refuse the action with the form as
 * it is, or %NULL when they take it.
 */
const char *
civic_form_get_refusal (CivicForm *self)
{
  g_return_val_if_fail (CIVIC_IS_FORM (self), NULL);
  return self->refusal;
}

static void
civic_form_dispose (GObject *object)
{
  CivicForm *self = (CivicForm *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->engine);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (civic_form_parent_class)->dispose (object);
}

static void
civic_form_finalize (GObject *object)
{
  CivicForm *self = (CivicForm *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->refusal);

  G_OBJECT_CLASS (civic_form_parent_class)->finalize (object);
}

static void
civic_form_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CivicForm *self = CIVIC_FORM (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_REFUSAL:
      g_value_set_string (value, self->refusal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_form_class_init (CivicFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_form_dispose;
  object_class->finalize = civic_form_finalize;
  object_class->get_property = civic_form_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUSAL] =
    g_param_spec_string ("refusal", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
civic_form_init (CivicForm *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);

  self->group = adw_preferences_group_new ();
  civic_accessible_name_group (self->group, _("Details"));
  gtk_box_append (GTK_BOX (self), self->group);

  self->refusal_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->refusal_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->refusal_label), 0);
  gtk_widget_add_css_class (self->refusal_label, "error");
  gtk_widget_set_visible (self->refusal_label, FALSE);
  /* Read out when it changes */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->refusal_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("What the form still needs"),
                                  -1);
  gtk_box_append (GTK_BOX (self), self->refusal_label);
}

/**
 * civic_form_new:
 * @record: what the action is for; for several, the first (the form is
 *   checked on it)
 * @n_records: how many records the action will be taken on
 *
 * A form for @action of @kind, checked by the rules on @record as the
 * official fills it in.
 */
CivicForm *
civic_form_new (CivicSyncEngine       *engine,
                const CivicEntityKind *kind,
                GObject               *record,
                guint                  action,
                guint                  n_records)
{
  CivicForm *self;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (engine), NULL);
  g_return_val_if_fail (kind != NULL && kind->arguments != NULL, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, kind->record_type ()), NULL);
  g_return_val_if_fail (action < kind->n_actions, NULL);

  self = g_object_new (CIVIC_TYPE_FORM, NULL);
  self->engine = g_object_ref (engine);
  self->kind = kind;
  self->record = g_object_ref (record);
  self->action = action;
  self->n_records = n_records;

  build (self);
  check_now (self);
  return self;
}
