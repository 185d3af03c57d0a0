/* civic-markdown-preview.c — a disclosure's Markdown as it will read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-markdown-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-markdown.h"
#include "civic-markdown-preview.h"

/* civic_markdown_parse()'s blocks inserted into a read-only GtkTextView
 * with tags, and each table as a GtkGrid at a child anchor. Not a GtkLabel
 * with markup: a label lays out all of a 50-page text again for each
 * change, has no tables or indentation, and is one accessible blob; a text
 * view validates lazily and gives its text to AT-SPI in GTK 4.8. The
 * preview follows the editor CIVIC_MARKDOWN_PREVIEW_DELAY_MS after typing
 * stops. */

/* Pixels: each level of a list or a quote, the gaps between blocks, and
 * the view's margin, which a tag's margin replaces rather than adds to */
#define INDENT     28
#define GAP        12
#define ITEM_GAP   4
#define MARGIN     (2 * GAP)

struct _CivicMarkdownPreview
{
  GtkWidget      parent_instance;

  GtkWidget     *scrolled_window;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;

  char          *markdown;
  guint          render_id;
  /* Anonymous, one per link, its destination as "href" data */
  GPtrArray     *link_tags;
};

G_DEFINE_FINAL_TYPE (CivicMarkdownPreview, civic_markdown_preview, GTK_TYPE_WIDGET)

static const struct
{
  CivicMarkdownStyle  style;
  const char         *tag_name;
} style_tags[] = {
  { CIVIC_MARKDOWN_STYLE_STRONG, "strong" },
  { CIVIC_MARKDOWN_STYLE_EMPHASIS, "emphasis" },
  { CIVIC_MARKDOWN_STYLE_CODE, "code" },
  { CIVIC_MARKDOWN_STYLE_STRIKETHROUGH, "strikethrough" },
  { CIVIC_MARKDOWN_STYLE_LINK, "link" },
};

static void
create_tags (CivicMarkdownPreview *self)
{
  static const double heading_scales[] = { 1.6, 1.4, 1.2, 1.1, 1.0, 0.95 };
  GdkRGBA code_background = { 0.5, 0.5, 0.5, 0.15 };

  for (guint level = 1; level <= G_N_ELEMENTS (heading_scales); level++)
    {
      g_autofree char *name = g_strdup_printf ("h%u", level);

      gtk_text_buffer_create_tag (self->buffer, name,
                                  "weight", PANGO_WEIGHT_BOLD,
                                  "scale", heading_scales[level - 1],
                                  "pixels-above-lines", level <= 2 ? 2 * GAP : GAP,
                                  NULL);
    }
  gtk_text_buffer_create_tag (self->buffer, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (self->buffer, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (self->buffer, "code",
                              "family", "monospace",
                              "background-rgba", &code_background,
                              NULL);
  gtk_text_buffer_create_tag (self->buffer, "strikethrough", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (self->buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  /* Dimmed rather than slanted: Chinese type has no italic */
  gtk_text_buffer_create_tag (self->buffer, "quote", NULL);
  gtk_text_buffer_create_tag (self->buffer, "break", "justification", GTK_JUSTIFY_CENTER, NULL);
  gtk_text_buffer_create_tag (self->buffer, "gap", "pixels-below-lines", GAP, NULL);
  gtk_text_buffer_create_tag (self->buffer, "item-gap", "pixels-below-lines", ITEM_GAP, NULL);
  gtk_text_buffer_create_tag (self->buffer, "error", "style", PANGO_STYLE_ITALIC, NULL);
}

typedef enum
{
  INDENT_TEXT,   /* a paragraph in a list or a quote: at its level */
  INDENT_ITEM,   /* a list item's first line: its marker hangs in the margin */
  INDENT_CODE,   /* a code block: on a grey ground, at its level */
} IndentKind;

/* Made as they are needed: one per kind and level */
static GtkTextTag *
indent_tag (CivicMarkdownPreview *self,
            IndentKind            kind,
            guint                 depth)
{
  static const char * const kinds[] = { "text", "item", "code" };
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autofree char *name = g_strdup_printf ("indent-%s-%u", kinds[kind], depth);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    return tag;

  switch (kind)
    {
    case INDENT_TEXT:
      tag = gtk_text_buffer_create_tag (self->buffer, name,
                                        "left-margin", MARGIN + INDENT * depth,
                                        NULL);
      break;
    case INDENT_ITEM:
      {
        /* The marker hangs in the margin, a tab after it: the text lines
         * up with its wrapped lines and with the item's other paragraphs */
        PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, INDENT);

        g_assert (depth > 0);
        tag = gtk_text_buffer_create_tag (self->buffer, name,
                                          "left-margin", MARGIN + INDENT * depth,
                                          "indent", -INDENT,
                                          "tabs", tabs,
                                          NULL);
        pango_tab_array_free (tabs);
      }
      break;
    case INDENT_CODE:
      {
        GdkRGBA background = { 0.5, 0.5, 0.5, 0.12 };

        tag = gtk_text_buffer_create_tag (self->buffer, name,
                                          "family", "monospace",
                                          "wrap-mode", GTK_WRAP_CHAR,
                                          "paragraph-background-rgba", &background,
                                          "left-margin", MARGIN + INDENT * depth,
                                          "right-margin", MARGIN,
                                          NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return tag;
}

static GtkTextTag *
link_tag_new (CivicMarkdownPreview *self,
              const char           *href)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);

  g_object_set_data_full (G_OBJECT (tag), "href", g_strdup (href), g_free);
  g_ptr_array_add (self->link_tags, g_object_ref (tag));
  return tag;
}

static void
clear_link_tags (CivicMarkdownPreview *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
}

/* A link in the accent colour, a quote in the text's colour dimmed: both
 * follow the dark style */
static void
update_colors (CivicMarkdownPreview *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkStyleContext *style;
  GdkRGBA accent, text;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (GTK_WIDGET (self));
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  gtk_style_context_get_color (style, &text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  text.alpha *= 0.7f;
  g_object_set (gtk_text_tag_table_lookup (table, "link"), "foreground-rgba", &accent, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "quote"), "foreground-rgba", &text, NULL);
}

static void
insert_runs (CivicMarkdownPreview *self,
             GtkTextIter          *iter,
             GPtrArray            *runs,
             gboolean              in_code_block)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const CivicMarkdownRun *run = g_ptr_array_index (runs, i);
      int start = gtk_text_iter_get_offset (iter);
      GtkTextIter run_start;

      gtk_text_buffer_insert (self->buffer, iter, run->text, -1);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &run_start, start);
      for (guint j = 0; j < G_N_ELEMENTS (style_tags); j++)
        if ((run->style & style_tags[j].style) != 0 &&
            !(in_code_block && style_tags[j].style == CIVIC_MARKDOWN_STYLE_CODE))
          gtk_text_buffer_apply_tag_by_name (self->buffer, style_tags[j].tag_name,
                                             &run_start, iter);
      if (run->href != NULL)
        gtk_text_buffer_apply_tag (self->buffer, link_tag_new (self, run->href), &run_start, iter);
    }
}

/* Tables */

static PangoAttrList *
runs_attributes (GPtrArray *runs,
                 gboolean   header)
{
  PangoAttrList *attributes = pango_attr_list_new ();
  guint at = 0;

  if (header)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  for (guint i = 0; i < runs->len; i++)
    {
      const CivicMarkdownRun *run = g_ptr_array_index (runs, i);
      guint end = at + strlen (run->text);
      PangoAttribute *styles[5] = { NULL };
      guint n = 0;

      if (run->style & CIVIC_MARKDOWN_STYLE_STRONG)
        styles[n++] = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      if (run->style & CIVIC_MARKDOWN_STYLE_EMPHASIS)
        styles[n++] = pango_attr_style_new (PANGO_STYLE_ITALIC);
      if (run->style & CIVIC_MARKDOWN_STYLE_CODE)
        styles[n++] = pango_attr_family_new ("monospace");
      if (run->style & CIVIC_MARKDOWN_STYLE_STRIKETHROUGH)
        styles[n++] = pango_attr_strikethrough_new (TRUE);
      if (run->style & CIVIC_MARKDOWN_STYLE_LINK)
        styles[n++] = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      for (guint j = 0; j < n; j++)
        {
          styles[j]->start_index = at;
          styles[j]->end_index = end;
          pango_attr_list_insert (attributes, styles[j]);
        }
      at = end;
    }
  return attributes;
}

/* Columns of a monospace terminal: a Chinese character takes two */
static int
text_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

static GtkWidget *
cell_new (GPtrArray          *runs,
          CivicMarkdownAlign  align,
          gboolean            header)
{
  g_autofree char *text = civic_markdown_runs_to_text (runs);
  g_autoptr(PangoAttrList) attributes = runs_attributes (runs, header);
  GtkWidget *label = gtk_label_new (text);
  float xalign = align == CIVIC_MARKDOWN_ALIGN_CENTER ? 0.5f
                 : align == CIVIC_MARKDOWN_ALIGN_RIGHT ? 1.0f : 0.0f;

  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A text view gives an anchored widget its minimum size, and a wrapping
   * label's minimum is its longest word: a cell of up to 30 columns is
   * not wrapped, a longer one wraps at that width */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (text_columns (text), 30));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_justify (GTK_LABEL (label),
                         align == CIVIC_MARKDOWN_ALIGN_CENTER ? GTK_JUSTIFY_CENTER
                         : align == CIVIC_MARKDOWN_ALIGN_RIGHT ? GTK_JUSTIFY_RIGHT
                         : GTK_JUSTIFY_LEFT);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

static GtkWidget *
table_new (const CivicMarkdownTable *table)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *rows = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *name = NULL;
  int grid_row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 2 * GAP);
  gtk_grid_set_row_spacing (GTK_GRID (grid), GAP / 2);
  gtk_widget_set_margin_top (grid, GAP / 2);
  gtk_widget_set_margin_bottom (grid, GAP / 2);
  gtk_widget_add_css_class (grid, "markdown-table");

  for (guint row = 0; row < table->rows->len; row++)
    {
      gboolean header = row < table->n_header_rows;

      for (guint column = 0; column < table->n_columns; column++)
        gtk_grid_attach (GTK_GRID (grid),
                         cell_new (civic_markdown_table_get_cell (table, row, column),
                                   table->alignments[column], header),
                         (int) column, grid_row, 1, 1);
      grid_row++;
      if (row + 1 == table->n_header_rows)
        gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                         0, grid_row++, (int) table->n_columns, 1);
    }

  /* Translators: part of a table's name, "Table, 4 rows, 3 columns" */
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", table->rows->len),
                          table->rows->len);
  /* Translators: part of a table's name, "Table, 4 rows, 3 columns" */
  columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                          table->n_columns),
                             table->n_columns);
  /* Translators: a table in the preview, as a screen reader names it:
   * "Table, 4 rows, 3 columns" */
  name = g_strdup_printf (_("Table, %s, %s"), rows, columns);
  civic_accessible_set_name (grid, name);
  return grid;
}

/* Blocks */

static void
render_block (CivicMarkdownPreview     *self,
              GtkTextIter              *iter,
              const CivicMarkdownBlock *block,
              const CivicMarkdownBlock *next)
{
  guint depth = block->quote_depth + block->list_depth;
  int start = gtk_text_iter_get_offset (iter);
  GtkTextIter block_start, last_line;
  gboolean tight;

  switch (block->kind)
    {
    case CIVIC_MARKDOWN_BLOCK_HEADING:
      {
        g_autofree char *name = g_strdup_printf ("h%u", CLAMP (block->heading_level, 1, 6));

        insert_runs (self, iter, block->runs, FALSE);
        gtk_text_buffer_get_iter_at_offset (self->buffer, &block_start, start);
        gtk_text_buffer_apply_tag_by_name (self->buffer, name, &block_start, iter);
        if (depth > 0)
          gtk_text_buffer_apply_tag (self->buffer, indent_tag (self, INDENT_TEXT, depth),
                                     &block_start, iter);
      }
      break;

    case CIVIC_MARKDOWN_BLOCK_LIST_ITEM:
      {
        g_autofree char *marker = block->list_kind == CIVIC_MARKDOWN_LIST_ORDERED
                                  ? g_strdup_printf ("%u.\t", block->item_number)
                                  : g_strdup ("•\t");

        gtk_text_buffer_insert (self->buffer, iter, marker, -1);
        insert_runs (self, iter, block->runs, FALSE);
        gtk_text_buffer_get_iter_at_offset (self->buffer, &block_start, start);
        gtk_text_buffer_apply_tag (self->buffer, indent_tag (self, INDENT_ITEM, MAX (depth, 1)),
                                   &block_start, iter);
      }
      break;

    case CIVIC_MARKDOWN_BLOCK_CODE:
      insert_runs (self, iter, block->runs, TRUE);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &block_start, start);
      gtk_text_buffer_apply_tag (self->buffer, indent_tag (self, INDENT_CODE, depth),
                                 &block_start, iter);
      break;

    case CIVIC_MARKDOWN_BLOCK_THEMATIC_BREAK:
      gtk_text_buffer_insert (self->buffer, iter, "* * *", -1);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &block_start, start);
      gtk_text_buffer_apply_tag_by_name (self->buffer, "break", &block_start, iter);
      break;

    case CIVIC_MARKDOWN_BLOCK_TABLE:
      {
        GtkTextChildAnchor *anchor = gtk_text_buffer_create_child_anchor (self->buffer, iter);

        gtk_text_view_add_child_at_anchor (self->text_view, table_new (block->table), anchor);
        gtk_text_buffer_get_iter_at_offset (self->buffer, &block_start, start);
        if (depth > 0)
          gtk_text_buffer_apply_tag (self->buffer, indent_tag (self, INDENT_TEXT, depth),
                                     &block_start, iter);
      }
      break;

    case CIVIC_MARKDOWN_BLOCK_PARAGRAPH:
    default:
      insert_runs (self, iter, block->runs, FALSE);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &block_start, start);
      if (depth > 0)
        gtk_text_buffer_apply_tag (self->buffer, indent_tag (self, INDENT_TEXT, depth),
                                   &block_start, iter);
      break;
    }

  if (block->quote_depth > 0)
    gtk_text_buffer_apply_tag_by_name (self->buffer, "quote", &block_start, iter);

  /* Items of one list close together, other blocks apart; the gap is
   * below the block's last line, not between the lines of a code block
   * or after a hard break */
  tight = next != NULL && block->list_depth > 0 &&
          (next->kind == CIVIC_MARKDOWN_BLOCK_LIST_ITEM || next->list_depth > 0);
  last_line = *iter;
  gtk_text_iter_set_line_offset (&last_line, 0);
  if (gtk_text_iter_compare (&last_line, &block_start) < 0)
    last_line = block_start;
  gtk_text_buffer_apply_tag_by_name (self->buffer, tight ? "item-gap" : "gap", &last_line, iter);
}

static void
render (CivicMarkdownPreview *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  g_clear_handle_id (&self->render_id, g_source_remove);

  clear_link_tags (self);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);

  blocks = civic_markdown_parse (self->markdown != NULL ? self->markdown : "", -1, &error);
  if (blocks == NULL)
    {
      g_autofree char *message =
        /* Translators: %s says why, e.g. "The text is larger than 512 KiB" */
        g_strdup_printf (_("The preview cannot show this text: %s"), error->message);
      GtkTextIter start;

      gtk_text_buffer_insert (self->buffer, &iter, message, -1);
      gtk_text_buffer_get_start_iter (self->buffer, &start);
      gtk_text_buffer_apply_tag_by_name (self->buffer, "error", &start, &iter);
      return;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      if (i > 0)
        gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
      render_block (self, &iter, g_ptr_array_index (blocks, i),
                    i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL);
    }

  /* Where the reader was, as near as the new text allows */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static gboolean
render_timeout (gpointer data)
{
  CivicMarkdownPreview *self = data;

  self->render_id = 0;
  render (self);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
civic_markdown_preview_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (civic_markdown_preview_parent_class)->css_changed (widget, change);
  update_colors (CIVIC_MARKDOWN_PREVIEW (widget));
}

static void
civic_markdown_preview_dispose (GObject *object)
{
  CivicMarkdownPreview *self = CIVIC_MARKDOWN_PREVIEW (object);

  g_clear_handle_id (&self->render_id, g_source_remove);
  g_clear_pointer (&self->scrolled_window, gtk_widget_unparent);
  self->text_view = NULL;
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (civic_markdown_preview_parent_class)->dispose (object);
}

static void
civic_markdown_preview_finalize (GObject *object)
{
  CivicMarkdownPreview *self = CIVIC_MARKDOWN_PREVIEW (object);

  g_free (self->markdown);
  g_ptr_array_unref (self->link_tags);
  G_OBJECT_CLASS (civic_markdown_preview_parent_class)->finalize (object);
}

static void
civic_markdown_preview_class_init (CivicMarkdownPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_markdown_preview_dispose;
  object_class->finalize = civic_markdown_preview_finalize;
  widget_class->css_changed = civic_markdown_preview_css_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdown-preview");
}

static void
civic_markdown_preview_init (CivicMarkdownPreview *self)
{
  self->link_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->buffer = gtk_text_buffer_new (NULL);
  create_tags (self);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (self->buffer));
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, MARGIN);
  gtk_text_view_set_right_margin (self->text_view, MARGIN);
  gtk_text_view_set_top_margin (self->text_view, GAP);
  gtk_text_view_set_bottom_margin (self->text_view, 2 * GAP);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, 2);
  civic_accessible_set_name (GTK_WIDGET (self->text_view), _("Preview"));

  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                 GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));
}

GtkWidget *
civic_markdown_preview_new (void)
{
  return g_object_new (CIVIC_TYPE_MARKDOWN_PREVIEW, NULL);
}

/**
 * civic_markdown_preview_set_markdown:
 * @markdown: (nullable): the text as the editor has it
 *
 * Shows @markdown once CIVIC_MARKDOWN_PREVIEW_DELAY_MS pass without
 * another call: while the official types, the preview waits.
 */
void
civic_markdown_preview_set_markdown (CivicMarkdownPreview *self,
                                     const char           *markdown)
{
  g_return_if_fail (CIVIC_IS_MARKDOWN_PREVIEW (self));

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  g_clear_handle_id (&self->render_id, g_source_remove);
  self->render_id = g_timeout_add (CIVIC_MARKDOWN_PREVIEW_DELAY_MS, render_timeout, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->render_id),
                            "[civic] markdown preview");
}

/**
 * civic_markdown_preview_set_markdown_now:
 * @markdown: (nullable): the text to show
 *
 * Shows @markdown at once: when a version is opened, and in tests.
 */
void
civic_markdown_preview_set_markdown_now (CivicMarkdownPreview *self,
                                         const char           *markdown)
{
  g_return_if_fail (CIVIC_IS_MARKDOWN_PREVIEW (self));

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  render (self);
}

/* The text shown, or to be shown once typing pauses */
const char *
civic_markdown_preview_get_markdown (CivicMarkdownPreview *self)
{
  g_return_val_if_fail (CIVIC_IS_MARKDOWN_PREVIEW (self), NULL);

  return self->markdown;
}

/**
 * civic_markdown_preview_get_text_view:
 *
 * Returns: (transfer none): the read-only view the text is shown in
 */
GtkTextView *
civic_markdown_preview_get_text_view (CivicMarkdownPreview *self)
{
  g_return_val_if_fail (CIVIC_IS_MARKDOWN_PREVIEW (self), NULL);

  return self->text_view;
}
