/* civic-diff-view.c — two versions of a text side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-diff-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-diff-view.h"

/* A disclosure's history: the rows of a CivicTextDiff in a GtkListView,
 * each an old line and the new line in its place, both wrapping, the
 * changed characters marked with Pango attributes. Not two text views
 * side by side: they cannot keep wrapped lines abreast, and a Chinese
 * paragraph is one long line. A list view also makes only the rows in
 * sight, so a 50-page document with every line changed scrolls as fast
 * as a short one. */

/* A row of the diff, as a list model's item */

#define CIVIC_TYPE_DIFF_ITEM (civic_diff_item_get_type ())
G_DECLARE_FINAL_TYPE (CivicDiffItem, civic_diff_item, CIVIC, DIFF_ITEM, GObject)

struct _CivicDiffItem
{
  GObject           parent_instance;

  CivicTextDiffRow *row;
};

G_DEFINE_FINAL_TYPE (CivicDiffItem, civic_diff_item, G_TYPE_OBJECT)

static void
civic_diff_item_finalize (GObject *object)
{
  CivicDiffItem *self = CIVIC_DIFF_ITEM (object);

  g_clear_pointer (&self->row, civic_text_diff_row_free);
  G_OBJECT_CLASS (civic_diff_item_parent_class)->finalize (object);
}

static void
civic_diff_item_class_init (CivicDiffItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_diff_item_finalize;
}

static void
civic_diff_item_init (CivicDiffItem *self)
{
}

static CivicDiffItem *
civic_diff_item_new (const CivicTextDiffRow *row)
{
  CivicDiffItem *self = g_object_new (CIVIC_TYPE_DIFF_ITEM, NULL);

  self->row = civic_text_diff_row_copy (row);
  return self;
}

/* The view */

struct _CivicDiffView
{
  GtkWidget   parent_instance;

  GtkWidget  *summary_label;
  GtkWidget  *old_title_label;
  GtkWidget  *new_title_label;
  GtkWidget  *scrolled_window;
  GtkWidget  *list_view;

  GListStore *rows;
  char       *old_title;
  char       *new_title;
};

G_DEFINE_FINAL_TYPE (CivicDiffView, civic_diff_view, GTK_TYPE_WIDGET)

/* Half-transparent, so that they read on the light and the dark style:
 * Adwaita's red 3 (#e01b24) and green 4 (#2ec27e) */
static const guint16 deleted_rgb[3] = { 0xe0e0, 0x1b1b, 0x2424 };
static const guint16 inserted_rgb[3] = { 0x2e2e, 0xc2c2, 0x7e7e };
#define MARK_ALPHA 0x5800

/* The characters the other version has not: on the old side struck
 * through on red, on the new side on green */
static PangoAttrList *
span_attributes (GArray   *spans,
                 gboolean  deleted)
{
  PangoAttrList *attributes = pango_attr_list_new ();
  const guint16 *rgb = deleted ? deleted_rgb : inserted_rgb;

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const CivicTextDiffSpan *span = &g_array_index (spans, CivicTextDiffSpan, i);
      PangoAttribute *marks[3];
      guint n = 0;

      marks[n++] = pango_attr_background_new (rgb[0], rgb[1], rgb[2]);
      marks[n++] = pango_attr_background_alpha_new (MARK_ALPHA);
      if (deleted)
        marks[n++] = pango_attr_strikethrough_new (TRUE);
      for (guint j = 0; j < n; j++)
        {
          marks[j]->start_index = (guint) span->start;
          marks[j]->end_index = (guint) (span->start + span->length);
          pango_attr_list_insert (attributes, marks[j]);
        }
    }
  return attributes;
}

/**
 * civic_diff_view_describe:
 *
 * Returns: (transfer full): what changed, in a line: "3 lines changed,
 *   2 added, 1 removed", or "No changes"
 */
char *
civic_diff_view_describe (const CivicTextDiff *diff)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_return_val_if_fail (diff != NULL, NULL);

  /* The first part says "lines", the others only how many */
  if (diff->n_changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line changed",
                                                          "%u lines changed", diff->n_changed),
                                             diff->n_changed));
  if (diff->n_added > 0)
    g_ptr_array_add (parts,
                     parts->len == 0
                     ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line added",
                                                     "%u lines added", diff->n_added),
                                        diff->n_added)
                     /* Translators: after "3 lines changed, " */
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                                     diff->n_added),
                                        diff->n_added));
  if (diff->n_removed > 0)
    g_ptr_array_add (parts,
                     parts->len == 0
                     ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line removed",
                                                     "%u lines removed", diff->n_removed),
                                        diff->n_removed)
                     /* Translators: after "3 lines changed, 2 added, " */
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed",
                                                     diff->n_removed),
                                        diff->n_removed));
  if (parts->len == 0)
    return g_strdup (_("No changes"));

  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of "3 lines changed, 2 added, 1 removed" */
  joined = g_strjoinv (C_("diff summary", ", "), (char **) parts->pdata);
  if (diff->coarse)
    /* Translators: %s is "3 lines changed, 2 added"; so many lines differ
     * that the changed block is paired line by line, not matched */
    return g_strdup_printf (_("%s (too many to match line by line)"), joined);
  return g_steal_pointer (&joined);
}

/* Rows */

static GtkWidget *
side_new (void)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (side, "diff-side");
  gtk_widget_add_css_class (number, "diff-line-number");
  gtk_label_set_width_chars (GTK_LABEL (number), 4);
  gtk_label_set_xalign (GTK_LABEL (number), 1.0f);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  /* The row's name says it */
  gtk_accessible_update_state (GTK_ACCESSIBLE (number), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
  gtk_widget_set_valign (text, GTK_ALIGN_START);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "diff-text");

  gtk_box_append (GTK_BOX (side), number);
  gtk_box_append (GTK_BOX (side), text);
  gtk_widget_set_hexpand (side, TRUE);
  return side;
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  /* Homogeneous: the versions take half each, whatever their lines */
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_add_css_class (row, "diff-row");
  gtk_box_append (GTK_BOX (row), side_new ());
  gtk_box_append (GTK_BOX (row), side_new ());
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_side (GtkWidget  *side,
           const char *css_class,
           guint       line,
           const char *text,
           GArray     *spans,
           gboolean    deleted,
           const char *title)
{
  static const char * const classes[] = { "deleted", "inserted", "changed", "empty" };
  GtkWidget *number = gtk_widget_get_first_child (side);
  GtkWidget *label = gtk_widget_get_last_child (side);
  g_autoptr(PangoAttrList) attributes = spans != NULL ? span_attributes (spans, deleted) : NULL;
  g_autofree char *number_text = line > 0 ? g_strdup_printf ("%u", line) : NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (side, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (side, css_class);

  gtk_label_set_text (GTK_LABEL (number), number_text);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_attributes (GTK_LABEL (label), attributes);

  /* Translators: one side of a row of a version history: the version's
   * title, then the line's number, "Version 3, line 12" */
  name = line > 0 ? g_strdup_printf (_("%s, line %u"), title, line) : g_strdup (title);
  civic_accessible_set_name (side, name);
}

static char *
describe_row (const CivicTextDiffRow *row)
{
  switch (row->op)
    {
    case CIVIC_TEXT_DIFF_OP_DELETE:
      /* Translators: a row of a version history, as a screen reader says
       * it: the line's number in the older version, then its text */
      return g_strdup_printf (_("Line %u removed: %s"), row->old_line, row->old_text);
    case CIVIC_TEXT_DIFF_OP_INSERT:
      /* Translators: the line's number in the newer version, then its text */
      return g_strdup_printf (_("Line %u added: %s"), row->new_line, row->new_text);
    case CIVIC_TEXT_DIFF_OP_CHANGE:
      /* Translators: the line's number in the newer version, its old
       * text, then its new text */
      return g_strdup_printf (_("Line %u changed from: %s, to: %s"), row->new_line,
                              row->old_text, row->new_text);
    case CIVIC_TEXT_DIFF_OP_EQUAL:
    default:
      /* Translators: the line's number in the newer version, then its text */
      return g_strdup_printf (_("Line %u unchanged: %s"), row->new_line, row->new_text);
    }
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CivicDiffView            *self)
{
  const CivicTextDiffRow *row = CIVIC_DIFF_ITEM (gtk_list_item_get_item (item))->row;
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *old_side = gtk_widget_get_first_child (child);
  GtkWidget *new_side = gtk_widget_get_last_child (child);
  g_autofree char *name = describe_row (row);

  switch (row->op)
    {
    case CIVIC_TEXT_DIFF_OP_DELETE:
      bind_side (old_side, "deleted", row->old_line, row->old_text, NULL, TRUE, self->old_title);
      bind_side (new_side, "empty", 0, NULL, NULL, FALSE, self->new_title);
      break;
    case CIVIC_TEXT_DIFF_OP_INSERT:
      bind_side (old_side, "empty", 0, NULL, NULL, TRUE, self->old_title);
      bind_side (new_side, "inserted", row->new_line, row->new_text, NULL, FALSE, self->new_title);
      break;
    case CIVIC_TEXT_DIFF_OP_CHANGE:
      bind_side (old_side, "changed", row->old_line, row->old_text, row->old_spans, TRUE,
                 self->old_title);
      bind_side (new_side, "changed", row->new_line, row->new_text, row->new_spans, FALSE,
                 self->new_title);
      break;
    case CIVIC_TEXT_DIFF_OP_EQUAL:
    default:
      bind_side (old_side, NULL, row->old_line, row->old_text, NULL, TRUE, self->old_title);
      bind_side (new_side, NULL, row->new_line, row->new_text, NULL, FALSE, self->new_title);
      break;
    }
  civic_accessible_name_list_row (child, name);
}

/* GObject */

static void
civic_diff_view_dispose (GObject *object)
{
  CivicDiffView *self = CIVIC_DIFF_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->summary_label = NULL;
  self->old_title_label = NULL;
  self->new_title_label = NULL;
  self->scrolled_window = NULL;
  self->list_view = NULL;
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (civic_diff_view_parent_class)->dispose (object);
}

static void
civic_diff_view_finalize (GObject *object)
{
  CivicDiffView *self = CIVIC_DIFF_VIEW (object);

  g_free (self->old_title);
  g_free (self->new_title);
  G_OBJECT_CLASS (civic_diff_view_parent_class)->finalize (object);
}

static void
civic_diff_view_class_init (CivicDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_diff_view_dispose;
  object_class->finalize = civic_diff_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "diff-view");
}

static GtkWidget *
title_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
civic_diff_view_init (CivicDiffView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->rows = g_list_store_new (CIVIC_TYPE_DIFF_ITEM);

  self->summary_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
  gtk_widget_add_css_class (self->summary_label, "diff-summary");
  gtk_widget_set_parent (self->summary_label, GTK_WIDGET (self));

  gtk_box_set_homogeneous (GTK_BOX (titles), TRUE);
  gtk_widget_add_css_class (titles, "diff-titles");
  self->old_title_label = title_label_new ();
  self->new_title_label = title_label_new ();
  gtk_box_append (GTK_BOX (titles), self->old_title_label);
  gtk_box_append (GTK_BOX (titles), self->new_title_label);
  gtk_widget_set_parent (titles, GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind), self, 0);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                         G_LIST_MODEL (g_object_ref (self->rows)))),
                                       factory);
  gtk_widget_add_css_class (self->list_view, "diff-rows");
  /* Named before it is given two texts: a page holding it may be walked
   * by a screen reader before it is shown */
  civic_accessible_set_name (self->list_view, _("Changes"));
  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window), self->list_view);
  gtk_widget_set_vexpand (self->scrolled_window, TRUE);
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));
}

GtkWidget *
civic_diff_view_new (void)
{
  return g_object_new (CIVIC_TYPE_DIFF_VIEW, NULL);
}

/**
 * civic_diff_view_set_texts:
 * @old_title: the older version's name, "Version 2, 12 March"
 * @old_text: its text
 * @new_title: the newer version's name
 * @new_text: its text
 *
 * Shows what changed from @old_text to @new_text.
 */
void
civic_diff_view_set_texts (CivicDiffView *self,
                           const char    *old_title,
                           const char    *old_text,
                           const char    *new_title,
                           const char    *new_text)
{
  g_autoptr(CivicTextDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *list_name = NULL;

  g_return_if_fail (CIVIC_IS_DIFF_VIEW (self));
  g_return_if_fail (old_title != NULL && new_title != NULL);
  g_return_if_fail (old_text != NULL && new_text != NULL);

  g_free (self->old_title);
  self->old_title = g_strdup (old_title);
  g_free (self->new_title);
  self->new_title = g_strdup (new_title);
  gtk_label_set_text (GTK_LABEL (self->old_title_label), old_title);
  gtk_label_set_text (GTK_LABEL (self->new_title_label), new_title);
  /* Translators: the list of a version history's rows, "Changes from
   * Version 2 to Version 3" */
  list_name = g_strdup_printf (_("Changes from %s to %s"), old_title, new_title);
  civic_accessible_set_name (self->list_view, list_name);

  diff = civic_text_diff_new (old_text, -1, new_text, -1, &error);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (diff == NULL)
    /* Translators: %s says why, "A version is not UTF-8 text" */
    summary = g_strdup_printf (_("These versions cannot be compared: %s"), error->message);
  else
    {
      summary = civic_diff_view_describe (diff);
      for (guint i = 0; i < diff->rows->len; i++)
        g_ptr_array_add (items, civic_diff_item_new (g_ptr_array_index (diff->rows, i)));
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

/* "3 lines changed, 2 added, 1 removed" */
const char *
civic_diff_view_get_summary (CivicDiffView *self)
{
  g_return_val_if_fail (CIVIC_IS_DIFF_VIEW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->summary_label));
}

/**
 * civic_diff_view_get_rows:
 *
 * Returns: (transfer none): the rows shown, one item for each row of the
 *   diff; civic_diff_view_get_row() reads one
 */
GListModel *
civic_diff_view_get_rows (CivicDiffView *self)
{
  g_return_val_if_fail (CIVIC_IS_DIFF_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * civic_diff_view_get_row:
 *
 * Returns: (transfer none) (nullable): the diff's row at @position
 */
const CivicTextDiffRow *
civic_diff_view_get_row (CivicDiffView *self,
                         guint          position)
{
  g_autoptr(CivicDiffItem) item = NULL;

  g_return_val_if_fail (CIVIC_IS_DIFF_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  /* The store keeps the item */
  return item != NULL ? item->row : NULL;
}
