/* civic-page-rows.c — the groups and rows a record's page is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-page-rows.h"

/* A request's, a hearing's, a message's page reads as titled groups of
 * rows: a property (its name, its value under it, wrapped), or a sentence
 * to read (an event of the history, a line of a day's explanation). */

/**
 * civic_page_group_new:
 * @content: the page's vertical box
 *
 * Returns: (transfer none): a titled group, appended to @content
 */
GtkWidget *
civic_page_group_new (GtkWidget  *content,
                      const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (content), group);
  return group;
}

/**
 * civic_page_row_new:
 * @subtitle: (nullable): the value
 *
 * Returns: (transfer none): a property's row in @group
 */
GtkWidget *
civic_page_row_new (GtkWidget  *group,
                    const char *title,
                    const char *subtitle)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, "title", title,
                                 "subtitle", subtitle ? subtitle : "", "subtitle-lines", 0,
                                 NULL);

  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/**
 * civic_page_line_new:
 * @subtitle: (nullable)
 *
 * Returns: (transfer none): a row in @group that holds a sentence to
 * read, not a property: the explanation of a date, an event of a history
 */
GtkWidget *
civic_page_line_new (GtkWidget  *group,
                     const char *text,
                     const char *subtitle)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, "title", text,
                                 "title-lines", 0, "subtitle", subtitle ? subtitle : "",
                                 "subtitle-lines", 0, NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/**
 * civic_page_format_day:
 *
 * Returns: (transfer full) (nullable): @day as the law writes it, or
 * %NULL for none
 */
char *
civic_page_format_day (CivicDay day)
{
  return day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;
}
