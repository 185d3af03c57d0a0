/* civic-accessible.c — names a screen reader can read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control says what it is. Most get their names where they are
 * made; this file holds what GTK 4.8 and libadwaita 1.2 leave unnamed or
 * name wrongly, worked around in one place:
 *
 *  - a button with a mnemonic is read twice ("_Cancel Cancel"): GTK
 *    names it from its label property, underscore and all, and from the
 *    label inside it. Every button's label, wherever it was set (our
 *    templates, our code, libadwaita's dialogs), is watched from when its
 *    window shows, and the name set to the label as read.
 *  - a row of a GtkListView has no name of its own (GtkListItem learns
 *    accessible labels in 4.12); its child names the row it sits in.
 *  - the popup list of a GtkDropDown or AdwComboRow, and its rows.
 */

#define G_LOG_DOMAIN "civic-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"

/**
 * civic_accessible_strip_mnemonic:
 * @label: a label with mnemonics ("C_laim", "Save __As")
 *
 * Returns: (transfer full): the label as it is read ("Claim", "Save _As")
 */
char *
civic_accessible_strip_mnemonic (const char *label)
{
  GString *read = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (read, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (read, *p);
    }
  return g_string_free (read, FALSE);
}

/**
 * civic_accessible_plain_title:
 *
 * Returns: (transfer full): @label as a title without a mnemonic shows
 * it: no underscore, and no "(_E)" after a translation's own words
 * ("设备(_E)" reads "设备")
 */
char *
civic_accessible_plain_title (const char *label)
{
  g_autofree char *copy = g_strdup (label);
  size_t length = strlen (copy);

  if (length >= 4 && copy[length - 1] == ')' && copy[length - 3] == '_' &&
      copy[length - 4] == '(' && g_ascii_isalnum (copy[length - 2]))
    copy[length - 4] = '\0';
  return civic_accessible_strip_mnemonic (copy);
}

/* A name given on purpose ("Open Case 湘市监许〔2026〕12号") is more than
 * the button's label says ("Open"): the label does not take it back */
#define EXPLICIT_NAME "civic-accessible-explicit-name"

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  if (name == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
}

/**
 * civic_accessible_set_name:
 * @widget: any widget
 * @name: (nullable): what a screen reader calls it; %NULL to take the name
 *   away again
 */
void
civic_accessible_set_name (GtkWidget  *widget,
                           const char *name)
{
  g_object_set_data (G_OBJECT (widget), EXPLICIT_NAME, GINT_TO_POINTER (name != NULL));
  set_name (widget, name);
}

static void
name_button_from_label (GtkWidget  *button,
                        const char *label,
                        gboolean    use_underline)
{
  g_autofree char *read = NULL;

  if (label == NULL || *label == '\0')
    return;
  read = use_underline ? civic_accessible_strip_mnemonic (label) : g_strdup (label);
  /* The label inside names the button too: one name, said once. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (g_object_get_data (G_OBJECT (button), EXPLICIT_NAME) == NULL)
    set_name (button, read);
}

static void
name_from_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    name_button_from_label (widget, gtk_button_get_label (GTK_BUTTON (widget)),
                            gtk_button_get_use_underline (GTK_BUTTON (widget)));
  else
    name_button_from_label (widget, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)),
                            gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)));
}

/* Names a button from its label now, and again whenever it changes.
 * (GLib sends no notification to an object nobody listens to, so a
 * global hook on "notify" would hear nothing.) */
static void
watch_button (GtkWidget *widget)
{
  static GQuark watched;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return;
  if (G_UNLIKELY (watched == 0))
    watched = g_quark_from_static_string ("civic-accessible-watched");
  /* Named once; then again only when its label changes, so a screen
   * reader hears no renaming each time it shows */
  if (g_object_get_qdata (G_OBJECT (widget), watched) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (widget), watched, GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::label", G_CALLBACK (name_from_label), NULL);
  g_signal_connect (widget, "notify::use-underline", G_CALLBACK (name_from_label), NULL);
  name_from_label (widget);
}

static void
watch_tree (GtkWidget *widget)
{
  watch_button (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_tree (child);
}

/* Popover menus are named by the button that opens them. */
static void
name_menu (GtkWidget *popover)
{
  GtkWidget *button = gtk_widget_get_parent (popover);
  const char *name;

  if (!GTK_IS_POPOVER_MENU (popover) || !GTK_IS_MENU_BUTTON (button))
    return;
  name = gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
  if (name == NULL)
    name = gtk_widget_get_tooltip_text (button);
  if (name != NULL)
    {
      g_autofree char *read = civic_accessible_strip_mnemonic (name);

      civic_accessible_set_name (popover, read);
    }
}

/* libadwaita 1.2's toast has a close button with nothing but an icon:
 * named here, as later versions do */
static void
name_toast_close (GtkWidget *widget)
{
  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL &&
        gtk_button_get_icon_name (GTK_BUTTON (child)) != NULL)
      civic_accessible_set_name (child, _("Dismiss"));
}

/* A widget, when it shows, has every button in it watched, shown or
 * not: a screen reader finds the pages of a stack behind the one shown
 * and the rows of an expander not expanded. */
static gboolean
widget_mapped (GSignalInvocationHint *hint,
               guint                  n_values,
               const GValue          *values,
               gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  watch_tree (widget);
  name_menu (widget);
  name_toast_close (widget);
  return TRUE;
}

/**
 * civic_accessible_init:
 *
 * Starts naming buttons from their labels; call once, before the first
 * window shows.
 */
void
civic_accessible_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  widget_mapped, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/**
 * civic_accessible_name_list_row:
 * @row_child: the widget a list item factory made for a row, bound
 * @name: what the row says, read as one
 *
 * Names the row of a GtkListView that holds @row_child (or @row_child,
 * not yet in a list); call on bind and when what the row says changes.
 */
void
civic_accessible_name_list_row (GtkWidget  *row_child,
                                const char *name)
{
  GtkWidget *row = gtk_widget_get_parent (row_child);

  civic_accessible_set_name (row != NULL ? row : row_child, name);
}

/* The lists of a choice: rows that say their string and are named by
 * it; in the popup, the chosen one checked, as GTK's own popup shows it.
 * (An AdwComboRow shows its choice in a list of one row too.) */

static void
choice_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  in_popup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_visible (check, in_popup != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
choice_update_check (GtkListItem *item,
                     GObject     *chooser)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *chosen = NULL;

  if (box == NULL)
    return;
  g_object_get (chooser, "selected-item", &chosen, NULL);
  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          chosen != NULL && chosen == gtk_list_item_get_item (item) ? 1 : 0);
  g_clear_object (&chosen);
}

static void
choice_chosen_changed (GObject     *chooser,
                       GParamSpec  *pspec,
                       GtkListItem *item)
{
  choice_update_check (item, chooser);
}

static void
choice_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GObject                  *chooser)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object)
                     ? gtk_string_object_get_string (GTK_STRING_OBJECT (object)) : "";

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  civic_accessible_name_list_row (box, text);
  choice_update_check (item, chooser);
  g_signal_connect_object (chooser, "notify::selected-item", G_CALLBACK (choice_chosen_changed),
                           item, 0);
}

static void
choice_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GObject                  *chooser)
{
  g_signal_handlers_disconnect_by_func (chooser, choice_chosen_changed, item);
}

static GtkListItemFactory *
choice_factory_new (GtkWidget *chooser,
                    gboolean   in_popup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup),
                    in_popup ? GINT_TO_POINTER (TRUE) : NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (choice_bind), chooser, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (choice_unbind), chooser, 0);
  return factory;
}

/* Names each list view under @widget: the popup's @popup_name, the one
 * that shows the choice @shown_name. */
static void
name_lists (GtkWidget  *widget,
            const char *popup_name,
            const char *shown_name)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      const char *name = gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL
                         ? popup_name : shown_name;

      if (name != NULL)
        civic_accessible_set_name (widget, name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_lists (child, popup_name, shown_name);
}

/* A drop-down's button says what it chooses and what is chosen:
 * "Sort by: Due date". */
static void
name_drop_down_button (GtkDropDown *drop_down)
{
  const char *what = g_object_get_data (G_OBJECT (drop_down), "civic-accessible-name");
  GObject *chosen = gtk_drop_down_get_selected_item (drop_down);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  g_autofree char *name = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  if (GTK_IS_STRING_OBJECT (chosen))
    /* Translators: a drop-down as a screen reader says it: what it
     * chooses, then what is chosen: "Sort by: Due date" */
    name = g_strdup_printf (_("%s: %s"), what,
                            gtk_string_object_get_string (GTK_STRING_OBJECT (chosen)));
  civic_accessible_set_name (button, name != NULL ? name : what);
}

/**
 * civic_accessible_name_choices:
 * @chooser: a GtkDropDown or an AdwComboRow over a GtkStringList
 * @name: (nullable): what the list of choices is, read when it opens;
 *   %NULL for a combo row's title
 *
 * Names the chooser's lists and each of their rows.
 */
void
civic_accessible_name_choices (GtkWidget  *chooser,
                               const char *name)
{
  g_autoptr(GtkListItemFactory) popup = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (chooser) || ADW_IS_COMBO_ROW (chooser));

  popup = choice_factory_new (chooser, TRUE);
  if (GTK_IS_DROP_DOWN (chooser))
    {
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (chooser), popup);
      g_object_set_data_full (G_OBJECT (chooser), "civic-accessible-name", g_strdup (name), g_free);
      g_signal_connect (chooser, "notify::selected-item", G_CALLBACK (name_drop_down_button),
                        NULL);
      name_drop_down_button (GTK_DROP_DOWN (chooser));
    }
  else
    {
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (chooser);
      g_autoptr(GtkListItemFactory) shown = choice_factory_new (chooser, FALSE);

      title = adw_preferences_row_get_use_underline (row)
              ? civic_accessible_strip_mnemonic (adw_preferences_row_get_title (row))
              : g_strdup (adw_preferences_row_get_title (row));
      adw_combo_row_set_factory (ADW_COMBO_ROW (chooser), shown);
      adw_combo_row_set_list_factory (ADW_COMBO_ROW (chooser), popup);
    }
  name_lists (chooser, name != NULL ? name : title, title);
}

static void
name_reveal (GtkButton *reveal)
{
  const char *icon = gtk_button_get_icon_name (reveal);

  civic_accessible_set_name (GTK_WIDGET (reveal),
                             g_strcmp0 (icon, "view-conceal-symbolic") == 0 ? _("Hide Password")
                                                                            : _("Show Password"));
}

/* The row's button that shows the text: the one with the eye. */
static GtkWidget *
find_reveal (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "view-reveal-symbolic") == 0 ||
       g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "view-conceal-symbolic") == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_reveal (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * civic_accessible_name_password_row:
 * @row: a password row
 *
 * Names the row's button that shows or hides the password as typed
 * (libadwaita 1.2 leaves it unnamed) by what pressing it does.
 */
void
civic_accessible_name_password_row (AdwPasswordEntryRow *row)
{
  GtkWidget *reveal = find_reveal (GTK_WIDGET (row));

  if (reveal == NULL)
    return;
  name_reveal (GTK_BUTTON (reveal));
  g_signal_connect (reveal, "notify::icon-name", G_CALLBACK (name_reveal), NULL);
}

/* Calls @name_one on @widget and everything under it, shown or not. */
static void
for_each_descendant (GtkWidget *widget,
                     void     (*name_one) (GtkWidget *widget))
{
  name_one (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for_each_descendant (child, name_one);
}

static GtkWidget *
first_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * civic_accessible_name_group:
 * @widget: an #AdwPreferencesGroup without a title, or a row in one
 * @name: what the group's rows are, together
 *
 * Names the list the group keeps its rows in; a group with a title is
 * named by it.
 */
void
civic_accessible_name_group (GtkWidget  *widget,
                             const char *name)
{
  GtkWidget *group = ADW_IS_PREFERENCES_GROUP (widget)
                     ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *list = group != NULL ? first_list_box (group) : NULL;

  if (list != NULL)
    civic_accessible_set_name (list, name);
}

static gboolean
in_titled_group (GtkWidget *widget)
{
  GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  const char *title = group != NULL ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group))
                                    : NULL;

  return title != NULL && *title != '\0';
}

/* What GTK's and libadwaita's own windows leave unnamed: their search
 * entries, the search button, the section menu and the page switcher. */
static void
name_window_part (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    civic_accessible_set_name (widget, GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_root (widget))
                                       ? _("Search Shortcuts") : _("Search"));
  else if (GTK_IS_BUTTON (widget) &&
           g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0)
    civic_accessible_set_name (widget, _("Search"));
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL)
    civic_accessible_set_name (widget, _("Sections"));
  /* The menu button's own button, the one that takes the focus */
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (gtk_widget_get_parent (widget))) == NULL)
    civic_accessible_set_name (widget, _("Sections"));
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_STACK_SWITCHER (gtk_widget_get_parent (widget)))
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (widget));
      /* Translators: a page of the keyboard shortcuts, as a screen reader
       * names the button that shows it: "Page 2" */
      g_autofree char *name = g_strdup_printf (_("Page %s"), GTK_IS_LABEL (label)
                                               ? gtk_label_get_text (GTK_LABEL (label)) : "");

      civic_accessible_set_name (widget, name);
    }
  else if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL)
    civic_accessible_set_name (widget, _("Sections"));
  else if (GTK_IS_LIST_BOX (widget) && !in_titled_group (widget))
    civic_accessible_set_name (widget, _("Search Results"));
}

/**
 * civic_accessible_name_window_parts:
 * @window: a #GtkShortcutsWindow or an #AdwPreferencesWindow
 *
 * Names what the toolkit builds into such a window and leaves unnamed.
 */
void
civic_accessible_name_window_parts (GtkWindow *window)
{
  for_each_descendant (GTK_WIDGET (window), name_window_part);
}

static void
name_lists_in (GtkWidget  *widget,
               const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        civic_accessible_set_name (child, name);
      name_lists_in (child, name);
    }
}

/**
 * civic_accessible_name_expander_row:
 * @row: an expander row with its title set
 *
 * Names the row, and the lists libadwaita 1.2 keeps inside it, by its
 * title.
 */
void
civic_accessible_name_expander_row (AdwExpanderRow *row)
{
  g_autofree char *title = civic_accessible_strip_mnemonic (
    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  civic_accessible_set_name (GTK_WIDGET (row), title);
  name_lists_in (GTK_WIDGET (row), title);
}
