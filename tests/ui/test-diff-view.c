/* test-diff-view.c — two versions of a text side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-diff-view.h"

#include "civic-ui-test.h"

static const char version_2[] =
  "第一条 为了规范政府信息公开工作，制定本办法。\n"
  "第二条 本办法适用于市人民政府。\n"
  "第三条 公开工作由办公室负责。\n"
  "第四条 本办法自发布之日起施行。\n";

static const char version_3[] =
  "第一条 为了规范政府信息公开工作，制定本办法。\n"
  "第二条 本规定适用于市人民政府及其部门。\n"
  "第四条 本办法自发布之日起施行。\n"
  "第五条 本办法由市司法局负责解释。\n";

/* The byte ranges of @label's attributes of @type, as "start-end …" */
static char *
attribute_ranges (GtkLabel       *label,
                  PangoAttrType   type)
{
  PangoAttrList *attributes = gtk_label_get_attributes (label);
  g_autoslist(PangoAttribute) list = NULL;
  GString *ranges = g_string_new (NULL);

  if (attributes != NULL)
    list = pango_attr_list_get_attributes (attributes);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == type)
        g_string_append_printf (ranges, "%s%u-%u", ranges->len > 0 ? " " : "",
                                attribute->start_index, attribute->end_index);
    }
  return g_string_free (ranges, FALSE);
}

static char *
marked_text (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);
  PangoAttrList *attributes = gtk_label_get_attributes (label);
  g_autoslist(PangoAttribute) list = pango_attr_list_get_attributes (attributes);
  GString *marked = g_string_new (NULL);

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_BACKGROUND)
        g_string_append_printf (marked, "[%.*s]",
                                (int) (attribute->end_index - attribute->start_index),
                                text + attribute->start_index);
    }
  return g_string_free (marked, FALSE);
}

static GtkWidget *
side_of (GtkLabel *label)
{
  return gtk_widget_get_parent (GTK_WIDGET (label));
}

static void
test_diff_view_summary (void)
{
  CivicTextDiff counts = { 0 };
  struct
  {
    guint       changed, added, removed;
    const char *summary;
  } cases[] = {
    { 3, 2, 1, "3 lines changed, 2 added, 1 removed" },
    { 1, 0, 0, "1 line changed" },
    { 0, 1, 0, "1 line added" },
    { 0, 2, 3, "2 lines added, 3 removed" },
    { 0, 0, 2, "2 lines removed" },
    { 0, 0, 0, "No changes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *summary = NULL;

      counts.n_changed = cases[i].changed;
      counts.n_added = cases[i].added;
      counts.n_removed = cases[i].removed;
      summary = civic_diff_view_describe (&counts);
      g_assert_cmpstr (summary, ==, cases[i].summary);
    }
}

static void
test_diff_view_rows (void)
{
  GtkWidget *view = civic_diff_view_new ();
  CivicDiffView *self = CIVIC_DIFF_VIEW (view);
  GtkWidget *window;
  GtkLabel *old_label, *new_label, *label;
  const CivicTextDiffRow *row;
  g_autofree char *old_backgrounds = NULL;
  g_autofree char *old_struck = NULL;
  g_autofree char *new_backgrounds = NULL;
  g_autofree char *new_struck = NULL;
  g_autofree char *old_marked = NULL;
  g_autofree char *new_marked = NULL;

  civic_diff_view_set_texts (self, "第2版", version_2, "第3版", version_3);
  g_assert_cmpstr (civic_diff_view_get_summary (self), ==, "1 line changed, 1 added, 1 removed");

  /* Equal, changed, removed, equal, added */
  g_assert_cmpuint (g_list_model_get_n_items (civic_diff_view_get_rows (self)), ==, 5);
  g_assert_cmpint (civic_diff_view_get_row (self, 0)->op, ==, CIVIC_TEXT_DIFF_OP_EQUAL);
  row = civic_diff_view_get_row (self, 1);
  g_assert_cmpint (row->op, ==, CIVIC_TEXT_DIFF_OP_CHANGE);
  g_assert_cmpuint (row->old_line, ==, 2);
  g_assert_cmpuint (row->new_line, ==, 2);
  g_assert_cmpint (civic_diff_view_get_row (self, 2)->op, ==, CIVIC_TEXT_DIFF_OP_DELETE);
  g_assert_cmpint (civic_diff_view_get_row (self, 3)->op, ==, CIVIC_TEXT_DIFF_OP_EQUAL);
  g_assert_cmpuint (civic_diff_view_get_row (self, 3)->old_line, ==, 4);
  g_assert_cmpuint (civic_diff_view_get_row (self, 3)->new_line, ==, 3);
  g_assert_cmpint (civic_diff_view_get_row (self, 4)->op, ==, CIVIC_TEXT_DIFF_OP_INSERT);
  g_assert_null (civic_diff_view_get_row (self, 5));

  window = civic_ui_test_window (view, 900, 500);

  /* The changed line: on the old side "办法" struck through on red, on the
   * new side "规定" and "及其部门" on green; nothing else marked */
  old_label = civic_ui_test_find_label (view, "第二条 本办法适用于市人民政府。");
  new_label = civic_ui_test_find_label (view, "第二条 本规定适用于市人民政府及其部门。");
  g_assert_nonnull (old_label);
  g_assert_nonnull (new_label);
  old_backgrounds = attribute_ranges (old_label, PANGO_ATTR_BACKGROUND);
  old_struck = attribute_ranges (old_label, PANGO_ATTR_STRIKETHROUGH);
  new_backgrounds = attribute_ranges (new_label, PANGO_ATTR_BACKGROUND);
  new_struck = attribute_ranges (new_label, PANGO_ATTR_STRIKETHROUGH);
  g_assert_cmpstr (old_backgrounds, ==, "13-19");
  g_assert_cmpstr (old_struck, ==, "13-19");
  g_assert_cmpstr (new_backgrounds, ==, "13-19 43-55");
  g_assert_cmpstr (new_struck, ==, "");
  old_marked = marked_text (old_label);
  new_marked = marked_text (new_label);
  g_assert_cmpstr (old_marked, ==, "[办法]");
  g_assert_cmpstr (new_marked, ==, "[规定][及其部门]");
  g_assert_true (gtk_widget_has_css_class (side_of (old_label), "changed"));
  g_assert_true (gtk_label_get_wrap (old_label));
  g_assert_cmpint (gtk_label_get_wrap_mode (old_label), ==, PANGO_WRAP_WORD_CHAR);

  /* Whole lines: removed on red, added on green, the same unmarked */
  label = civic_ui_test_find_label (view, "第三条 公开工作由办公室负责。");
  g_assert_true (gtk_widget_has_css_class (side_of (label), "deleted"));
  g_assert_null (gtk_label_get_attributes (label));
  label = civic_ui_test_find_label (view, "第五条 本办法由市司法局负责解释。");
  g_assert_true (gtk_widget_has_css_class (side_of (label), "inserted"));
  label = civic_ui_test_find_label (view, "第四条 本办法自发布之日起施行。");
  g_assert_false (gtk_widget_has_css_class (side_of (label), "deleted"));
  g_assert_false (gtk_widget_has_css_class (side_of (label), "changed"));

  /* Compared again, the rows are the new comparison's */
  civic_diff_view_set_texts (self, "第3版", version_3, "第3版", version_3);
  g_assert_cmpstr (civic_diff_view_get_summary (self), ==, "No changes");
  g_assert_cmpuint (g_list_model_get_n_items (civic_diff_view_get_rows (self)), ==, 4);
  civic_ui_test_spin (100);
  g_assert_null (civic_ui_test_find_label (view, "第三条 公开工作由办公室负责。"));

  civic_ui_test_destroy (window, view);
}

static void
test_diff_view_screenshot (void)
{
  gboolean chinese = g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh");
  const char *old_text =
    "第一条 为了规范政府信息公开工作，制定本办法。\n"
    "第二条 本办法适用于市人民政府。\n"
    "第三条 公开工作由办公室负责。\n"
    "第四条 本办法所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。\n"
    "第五条 行政机关应当建立健全政府信息公开协调机制。行政机关公开政府信息涉及其他机关的，"
    "应当与有关机关协商、确认，保证行政机关公开的政府信息准确一致。\n"
    "第六条 本办法自发布之日起施行。\n";
  const char *new_text =
    "第一条 为了规范政府信息公开工作，制定本办法。\n"
    "第二条 本规定适用于市人民政府及其部门。\n"
    "第四条 本办法所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。\n"
    "第五条 行政机关应当建立健全政府信息公开协调机制。行政机关公开政府信息涉及其他机关的，"
    "应当与有关机关协商、确认，保证行政机关公开的政府信息准确、一致、及时。\n"
    "第六条 本办法自发布之日起施行。\n"
    "第七条 本办法由市司法局负责解释。\n";
  GtkWidget *view;
  GtkWidget *window;

  if (!civic_ui_test_screenshots_wanted ())
    {
      g_test_skip ("CIVICDESK_SCREENSHOTS_DIR is not set");
      return;
    }

  view = civic_diff_view_new ();
  civic_diff_view_set_texts (CIVIC_DIFF_VIEW (view),
                             chinese ? "第2版 · 2026年3月2日" : "Version 2 · 2 March 2026",
                             old_text,
                             chinese ? "第3版 · 2026年3月9日" : "Version 3 · 9 March 2026",
                             new_text);
  window = civic_ui_test_window (view, 960, 420);
  civic_ui_test_screenshot (window, "disclosure-history");
  civic_ui_test_destroy (window, view);
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/diff-view/summary", test_diff_view_summary);
  g_test_add_func ("/ui/diff-view/rows", test_diff_view_rows);
  g_test_add_func ("/ui/diff-view/screenshot", test_diff_view_screenshot);

  return civic_ui_test_run ();
}
