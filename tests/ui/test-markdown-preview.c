/* test-markdown-preview.c — a disclosure's Markdown as it will read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "civic-markdown-preview.h"

#include "civic-ui-test.h"

static const char notice[] =
  "# 关于公开2025年部门预算的通知\n"
  "\n"
  "本机关依据《*政府信息公开条例*》第二十条，**主动公开**以下信息：\n"
  "\n"
  "- 部门预算\n"
  "- 三公经费\n"
  "  1. 因公出国\n"
  "  2. 公务接待\n"
  "\n"
  "> 依申请公开的，于 `20` 个工作日内答复。\n"
  "\n"
  "| 项目 | 金额（万元） |\n"
  "|:--|--:|\n"
  "| 部门预算 | 1,250.00 |\n"
  "| 三公经费 | ~~48.00~~ 45.60 |\n"
  "\n"
  "详见[公开目录](https://example.gov.cn/list)。\n";

/* The view's text: a table is a widget, not text */
static const char notice_text[] =
  "关于公开2025年部门预算的通知\n"
  "本机关依据《政府信息公开条例》第二十条，主动公开以下信息：\n"
  "•\t部门预算\n"
  "•\t三公经费\n"
  "1.\t因公出国\n"
  "2.\t公务接待\n"
  "依申请公开的，于 20 个工作日内答复。\n"
  "\n"
  "详见公开目录。";

static char *
view_text (CivicMarkdownPreview *preview)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (civic_markdown_preview_get_text_view (preview));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the tags on the character at @text's first occurrence,
 * in alphabetical order; a link tag as its destination */
static void
assert_tags (CivicMarkdownPreview *preview,
             const char           *text,
             const char           *expected)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (civic_markdown_preview_get_text_view (preview));
  g_autofree char *all = NULL;
  const char *found;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  GSList *tags;
  GtkTextIter iter, end;

  /* With U+FFFC for a table, so that offsets are the buffer's */
  gtk_text_buffer_get_bounds (buffer, &iter, &end);
  all = gtk_text_buffer_get_slice (buffer, &iter, &end, TRUE);
  found = strstr (all, text);
  g_assert_nonnull (found);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) g_utf8_pointer_to_offset (all, found));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (name == NULL && g_object_get_data (l->data, "href") != NULL)
        name = g_strdup_printf ("href=%s", (const char *) g_object_get_data (l->data, "href"));
      if (name != NULL)
        g_ptr_array_add (names, name);
    }
  g_slist_free (tags);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);
  g_assert_cmpstr (joined, ==, expected);
}

static GtkWidget *
find_table (CivicMarkdownPreview *preview)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (civic_markdown_preview_get_text_view (preview));
  GtkTextIter iter;

  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      guint n_widgets;
      g_autofree GtkWidget **widgets = NULL;

      if (anchor == NULL)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
      g_assert_cmpuint (n_widgets, ==, 1);
      return widgets[0];
    }
  return NULL;
}

static const char *
cell_text (GtkWidget *grid,
           int        column,
           int        row)
{
  GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (grid), column, row);

  g_assert_true (GTK_IS_LABEL (cell));
  return gtk_label_get_text (GTK_LABEL (cell));
}

static float
cell_xalign (GtkWidget *grid,
             int        column,
             int        row)
{
  return gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), column, row)));
}

static gboolean
is_bold (GtkWidget *label)
{
  PangoAttrList *attributes = gtk_label_get_attributes (GTK_LABEL (label));
  g_autoptr(PangoAttrIterator) iter = NULL;
  PangoAttribute *weight;

  if (attributes == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attributes);
  weight = pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
  return weight != NULL && ((PangoAttrInt *) weight)->value == PANGO_WEIGHT_BOLD;
}

static void
test_markdown_preview_renders (void)
{
  GtkWidget *preview = g_object_ref_sink (civic_markdown_preview_new ());
  CivicMarkdownPreview *self = CIVIC_MARKDOWN_PREVIEW (preview);
  GtkTextView *view = civic_markdown_preview_get_text_view (self);
  g_autofree char *text = NULL;
  GtkWidget *table;

  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_false (gtk_text_view_get_cursor_visible (view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_WORD_CHAR);

  civic_markdown_preview_set_markdown_now (self, notice);
  text = view_text (self);
  g_assert_cmpstr (text, ==, notice_text);

  /* Styles, as tags */
  assert_tags (self, "关于公开", "gap h1");
  assert_tags (self, "政府", "emphasis gap");
  assert_tags (self, "主动公开", "gap strong");
  assert_tags (self, "本机关", "gap");
  assert_tags (self, "•\t部门", "indent-item-1 item-gap");
  assert_tags (self, "1.\t因公", "indent-item-2 item-gap");
  assert_tags (self, "2.\t公务", "gap indent-item-2");
  assert_tags (self, "依申请", "gap indent-text-1 quote");
  assert_tags (self, "20 个", "code gap indent-text-1 quote");
  assert_tags (self, "公开目录", "gap href=https://example.gov.cn/list link");

  /* The table: a grid of labels, the header bold above a rule, the
   * amounts to the right */
  table = find_table (self);
  g_assert_true (GTK_IS_GRID (table));
  g_assert_cmpstr (cell_text (table, 0, 0), ==, "项目");
  g_assert_cmpstr (cell_text (table, 1, 0), ==, "金额（万元）");
  g_assert_true (GTK_IS_SEPARATOR (gtk_grid_get_child_at (GTK_GRID (table), 0, 1)));
  g_assert_cmpstr (cell_text (table, 0, 2), ==, "部门预算");
  g_assert_cmpstr (cell_text (table, 1, 2), ==, "1,250.00");
  g_assert_cmpstr (cell_text (table, 0, 3), ==, "三公经费");
  g_assert_cmpstr (cell_text (table, 1, 3), ==, "48.00 45.60");
  g_assert_true (is_bold (gtk_grid_get_child_at (GTK_GRID (table), 0, 0)));
  g_assert_false (is_bold (gtk_grid_get_child_at (GTK_GRID (table), 0, 2)));
  g_assert_cmpfloat (cell_xalign (table, 0, 2), ==, 0.0);
  g_assert_cmpfloat (cell_xalign (table, 1, 2), ==, 1.0);

  /* Rendered again, the old table goes with the old text */
  g_object_add_weak_pointer (G_OBJECT (table), (gpointer *) &table);
  civic_markdown_preview_set_markdown_now (self, "## 第二版\n\n正文。");
  g_assert_null (table);
  g_clear_pointer (&text, g_free);
  text = view_text (self);
  g_assert_cmpstr (text, ==, "第二版\n正文。");
  assert_tags (self, "第二版", "gap h2");

  g_assert_finalize_object (preview);
}

/* While the official types, the preview waits for a pause */
static void
test_markdown_preview_waits (void)
{
  GtkWidget *preview = g_object_ref_sink (civic_markdown_preview_new ());
  CivicMarkdownPreview *self = CIVIC_MARKDOWN_PREVIEW (preview);
  g_autofree char *before = NULL;
  g_autofree char *still = NULL;
  g_autofree char *after = NULL;

  civic_markdown_preview_set_markdown_now (self, "第一段。");
  civic_markdown_preview_set_markdown (self, "第一段。\n\n第二");
  civic_ui_test_spin (CIVIC_MARKDOWN_PREVIEW_DELAY_MS / 2);
  civic_markdown_preview_set_markdown (self, "第一段。\n\n第二段。");
  before = view_text (self);
  g_assert_cmpstr (before, ==, "第一段。");
  civic_ui_test_spin (CIVIC_MARKDOWN_PREVIEW_DELAY_MS / 2);
  still = view_text (self);
  g_assert_cmpstr (still, ==, "第一段。");
  civic_ui_test_spin (CIVIC_MARKDOWN_PREVIEW_DELAY_MS);
  after = view_text (self);
  g_assert_cmpstr (after, ==, "第一段。\n第二段。");

  /* A pending preview does not keep the widget alive */
  civic_markdown_preview_set_markdown (self, "第三段。");
  g_assert_finalize_object (preview);
}

/* Text the parser refuses is said so, not shown half */
static void
test_markdown_preview_refused (void)
{
  GtkWidget *preview = g_object_ref_sink (civic_markdown_preview_new ());
  g_autofree char *text = NULL;
  GString *huge = g_string_new (NULL);

  while (huge->len <= 512 * 1024)
    g_string_append (huge, "本机关依据条例主动公开。\n");
  civic_markdown_preview_set_markdown_now (CIVIC_MARKDOWN_PREVIEW (preview), huge->str);
  text = view_text (CIVIC_MARKDOWN_PREVIEW (preview));
  g_assert_true (g_str_has_prefix (text, "The preview cannot show this text: "));
  g_string_free (huge, TRUE);
  g_assert_finalize_object (preview);
}

static void
test_markdown_preview_screenshot (void)
{
  GtkWidget *preview;
  GtkWidget *window;
  g_autoptr(GString) markdown = g_string_new (NULL);

  if (!civic_ui_test_screenshots_wanted ())
    {
      g_test_skip ("CIVICDESK_SCREENSHOTS_DIR is not set");
      return;
    }

  g_string_append (markdown, notice);
  g_string_append (markdown,
                   "\n"
                   "## 二、公开方式\n"
                   "\n"
                   "通过本机关门户网站“政府信息公开”专栏公开，并在政务服务大厅"
                   "设置查阅点，公众可以在工作时间免费查阅，也可以依申请获取纸质文本。"
                   "查阅时请携带有效身份证件。\n"
                   "\n"
                   "```\n"
                   "咨询电话：0731-88888888\n"
                   "```\n");
  preview = civic_markdown_preview_new ();
  civic_markdown_preview_set_markdown_now (CIVIC_MARKDOWN_PREVIEW (preview), markdown->str);
  window = civic_ui_test_window (preview, 720, 760);
  gtk_window_set_title (GTK_WINDOW (window), _("Preview"));
  civic_ui_test_spin (300);
  civic_ui_test_screenshot (window, "disclosure-preview");
  civic_ui_test_destroy (window, preview);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/markdown-preview/renders", test_markdown_preview_renders);
  g_test_add_func ("/ui/markdown-preview/waits", test_markdown_preview_waits);
  g_test_add_func ("/ui/markdown-preview/refused", test_markdown_preview_refused);
  g_test_add_func ("/ui/markdown-preview/screenshot", test_markdown_preview_screenshot);

  return civic_ui_test_run ();
}
