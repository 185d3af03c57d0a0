/* test-markdown.c — a disclosure's Markdown in the preview, the lint and the public page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#ifdef HAVE_MD4C_HTML
#include <md4c-html.h>
#endif

#include "civic-markdown.h"
#include "civic-markdown-html.h"

/* A notice as an organ publishes it, with each construct the preview
 * draws: headings, an ordered list with a nested bullet list, emphasis,
 * a link with a title, an e-mail autolink, a quote, a table, a fenced
 * code block and a rule. Its paragraphs are wrapped in the middle of
 * Chinese words, as an editor that wraps at 40 characters leaves them. */
static const char policy[] =
  "# 岳麓区关于*进一步*规范政务公开工作的通知\n"
  "\n"
  "各街道办事处，区直各部门：\n"
  "\n"
  "为贯彻落实《中华人民共和国政府信息公开条例》，依法\n"
  "公开政府信息，现将有关事项通知如下。\n"
  "\n"
  "## 一、工作要求\n"
  "\n"
  "1. 坚持**以公开为常态**、不公开为例外；\n"
  "2. 涉及个人隐私的信息~~一律~~原则上不予公开，包括：\n"
  "   - 公民身份号码\n"
  "   - 手机号码\n"
  "3. 办理流程详见[办事指南](https://www.yuelu.gov.cn/zwgk/guide.html \"指南\")。\n"
  "\n"
  "> 注意：发布前须经保密审查。\n"
  "> 联系邮箱 <xxgk@yuelu.gov.cn>\n"
  "\n"
  "## 二、办理时限\n"
  "\n"
  "| 事项 | 时限（工作日） |\n"
  "|:---|---:|\n"
  "| 主动公开 | 20 |\n"
  "| 依申请公开 | `20+20` |\n"
  "\n"
  "```text\n"
  "索引号：430104/2026-00001\n"
  "```\n"
  "\n"
  "---\n"
  "\n"
  "特此通知。\n";

/* g_assert_cmpstr() escapes Chinese beyond reading: this shows both */
#define assert_text(actual, expected) \
  G_STMT_START { \
    const char *actual_ = (actual), *expected_ = (expected); \
    if (g_strcmp0 (actual_, expected_) != 0) \
      g_printerr ("expected:\n%s\nactual:\n%s\n", expected_, actual_); \
    g_assert_cmpstr (actual_, ==, expected_); \
  } G_STMT_END

static void
append_runs (GString   *out,
             GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      CivicMarkdownRun *run = g_ptr_array_index (runs, i);
      g_autoptr(GPtrArray) styles = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      if (run->style == CIVIC_MARKDOWN_STYLE_NONE)
        {
          g_assert_null (run->href);
          g_string_append (out, run->text);
          continue;
        }
      if (run->style & CIVIC_MARKDOWN_STYLE_STRONG)
        g_ptr_array_add (styles, g_strdup ("strong"));
      if (run->style & CIVIC_MARKDOWN_STYLE_EMPHASIS)
        g_ptr_array_add (styles, g_strdup ("em"));
      if (run->style & CIVIC_MARKDOWN_STYLE_CODE)
        g_ptr_array_add (styles, g_strdup ("code"));
      if (run->style & CIVIC_MARKDOWN_STYLE_STRIKETHROUGH)
        g_ptr_array_add (styles, g_strdup ("del"));
      if (run->style & CIVIC_MARKDOWN_STYLE_LINK)
        g_ptr_array_add (styles, g_strdup_printf ("link %s", run->href));
      else
        g_assert_null (run->href);
      g_ptr_array_add (styles, NULL);
      joined = g_strjoinv ("+", (char **) styles->pdata);
      g_string_append_printf (out, "[%s:%s]", joined, run->text);
    }
}

/* One line per block: its kind, its depths ("q1 l2") and its text with
 * the styled runs in brackets; a table's rows follow on lines of their
 * own, a cell's alignment after it. */
static char *
describe (GPtrArray *blocks)
{
  static const char * const aligns[] = { "", " <", " ^", " >" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      CivicMarkdownBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case CIVIC_MARKDOWN_BLOCK_PARAGRAPH:
          g_string_append (out, "P");
          break;
        case CIVIC_MARKDOWN_BLOCK_HEADING:
          g_string_append_printf (out, "H%u", block->heading_level);
          break;
        case CIVIC_MARKDOWN_BLOCK_LIST_ITEM:
          if (block->list_kind == CIVIC_MARKDOWN_LIST_ORDERED)
            g_string_append_printf (out, "LI %u.", block->item_number);
          else
            g_string_append (out, "LI •");
          break;
        case CIVIC_MARKDOWN_BLOCK_CODE:
          g_string_append_printf (out, "CODE %s", block->language ? block->language : "-");
          break;
        case CIVIC_MARKDOWN_BLOCK_THEMATIC_BREAK:
          g_string_append (out, "HR");
          break;
        case CIVIC_MARKDOWN_BLOCK_TABLE:
          g_string_append_printf (out, "TABLE %u×%u", block->table->rows->len,
                                  block->table->n_columns);
          break;
        }
      if (block->kind != CIVIC_MARKDOWN_BLOCK_LIST_ITEM)
        g_assert_cmpint (block->list_kind, ==, CIVIC_MARKDOWN_LIST_NONE);
      if (block->quote_depth > 0)
        g_string_append_printf (out, " q%u", block->quote_depth);
      if (block->list_depth > 0)
        g_string_append_printf (out, " l%u", block->list_depth);
      g_string_append (out, ":");
      if (block->runs->len > 0)
        g_string_append_c (out, ' ');
      append_runs (out, block->runs);
      g_string_append_c (out, '\n');

      if (block->table != NULL)
        {
          g_assert_cmpuint (block->table->n_header_rows, ==, 1);
          for (guint row = 0; row < block->table->rows->len; row++)
            {
              g_string_append (out, row < block->table->n_header_rows ? "  th" : "  td");
              for (guint column = 0; column < block->table->n_columns; column++)
                {
                  g_string_append (out, " | ");
                  append_runs (out, civic_markdown_table_get_cell (block->table, row, column));
                  g_string_append (out, aligns[block->table->alignments[column]]);
                }
              g_string_append_c (out, '\n');
            }
        }
    }

  return g_string_free (out, FALSE);
}

static char *
describe_text (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = civic_markdown_parse (markdown, -1, &error);

  g_assert_no_error (error);
  return describe (blocks);
}

static char *
plain_text (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  char *text = civic_markdown_to_plain_text (markdown, -1, &error);

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

static char *
html (const char *markdown,
      guint       heading_offset)
{
  g_autoptr(GError) error = NULL;
  char *text = civic_markdown_to_html (markdown, -1, heading_offset, &error);

  g_assert_no_error (error);
  return text;
}

/* What the preview inserts: every block and run of the notice */
static void
test_blocks (void)
{
  g_autofree char *blocks = describe_text (policy);

  assert_text (blocks,
    "H1: 岳麓区关于[em:进一步]规范政务公开工作的通知\n"
    "P: 各街道办事处，区直各部门：\n"
    "P: 为贯彻落实《中华人民共和国政府信息公开条例》，依法公开政府信息，现将有关事项通知如下。\n"
    "H2: 一、工作要求\n"
    "LI 1. l1: 坚持[strong:以公开为常态]、不公开为例外；\n"
    "LI 2. l1: 涉及个人隐私的信息[del:一律]原则上不予公开，包括：\n"
    "LI • l2: 公民身份号码\n"
    "LI • l2: 手机号码\n"
    "LI 3. l1: 办理流程详见[link https://www.yuelu.gov.cn/zwgk/guide.html:办事指南]。\n"
    "P q1: 注意：发布前须经保密审查。联系邮箱 [link mailto:xxgk@yuelu.gov.cn:xxgk@yuelu.gov.cn]\n"
    "H2: 二、办理时限\n"
    "TABLE 3×2:\n"
    "  th | 事项 < | 时限（工作日） >\n"
    "  td | 主动公开 < | 20 >\n"
    "  td | 依申请公开 < | [code:20+20] >\n"
    "CODE text: [code:索引号：430104/2026-00001]\n"
    "HR:\n"
    "P: 特此通知。\n");
}

/* What the lint checks and the search finds */
static void
test_plain_text (void)
{
  g_autofree char *text = plain_text (policy);

  assert_text (text,
    "岳麓区关于进一步规范政务公开工作的通知\n"
    "各街道办事处，区直各部门：\n"
    "为贯彻落实《中华人民共和国政府信息公开条例》，依法公开政府信息，现将有关事项通知如下。\n"
    "一、工作要求\n"
    "坚持以公开为常态、不公开为例外；\n"
    "涉及个人隐私的信息一律原则上不予公开，包括：\n"
    "公民身份号码\n"
    "手机号码\n"
    "办理流程详见办事指南。\n"
    "注意：发布前须经保密审查。联系邮箱 xxgk@yuelu.gov.cn\n"
    "二、办理时限\n"
    "事项\t时限（工作日）\n"
    "主动公开\t20\n"
    "依申请公开\t20+20\n"
    "索引号：430104/2026-00001\n"
    "特此通知。");
}

/* A line break inside a Chinese sentence is no space (CSS Text 3's rule);
 * elsewhere it is one, as CommonMark says */
static void
test_soft_break (void)
{
  static const struct
  {
    const char *markdown;
    const char *text;
  } cases[] = {
    { "依法\n公开", "依法公开" },
    { "申请人应当\n提交：\n（一）身份证明", "申请人应当提交：（一）身份证明" },
    { "公开。\n“条例”", "公开。 “条例”" },   /* “ is ambiguous width, as in CSS */
    { "Hello\nworld", "Hello world" },
    { "见第3条\nArticle 3", "见第3条 Article 3" },
    { "条例\nOGI", "条例 OGI" },
    { "OGI\n条例", "OGI 条例" },
    { "한국어\n문장", "한국어 문장" },
    { "ｶﾀｶﾅ\nかな", "ｶﾀｶﾅかな" },
    { "a\xE2\x80\x8B\nb", "a\xE2\x80\x8B" "b" },
    { "*依法*\n**公开**", "依法公开" },
    { "依法  \n公开", "依法\n公开" },                /* a hard break stays */
    { "依法\\\n公开", "依法\n公开" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = plain_text (cases[i].markdown);

      assert_text (text, cases[i].text);
    }

  /* The space a break makes is in the link it was in */
  {
    g_autofree char *blocks = describe_text ("[Open\nData](https://data.gov.cn)。");

    assert_text (blocks, "P: [link https://data.gov.cn:Open Data]。\n");
  }

  /* The public page keeps md_html()'s line break; a browser lays it out */
  {
    g_autofree char *page = html ("依法\n公开", 0);

    assert_text (page, "<p>依法\n公开</p>\n");
  }
}

static void
test_entities (void)
{
  g_autofree char *text = plain_text ("AT&amp;T &lt;b&gt; &quot;x&quot; a&nbsp;b &#20844;&#x5F00; "
                                      "&#X5f00; &copy; &hellip; &mdash;");
  g_autofree char *invalid = plain_text ("&#0; &#xD800; &#9999999; &#x10FFFF;");
  g_autofree char *unknown = plain_text ("&hearts; &notanentity; & amp; &#xZZ;");
  g_autofree char *code = plain_text ("`&amp;` &amp;\n\n    &lt;");
  g_autofree char *link = describe_text ("[公开](/a?x=1&amp;y=2 \"&quot;t&quot;\")");
  g_autofree char *page = html ("AT&amp;T &lt;script&gt; &#60;b&#62; &hearts; "
                                "[a](/x?y=1&amp;z=&#34;)", 0);

  assert_text (text, "AT&T <b> \"x\" a\xC2\xA0" "b 公开 开 © … —");
  assert_text (invalid, "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xF4\x8F\xBF\xBF");
  /* Not in the table, or not an entity: as written, on the page too */
  assert_text (unknown, "&hearts; &notanentity; & amp; &#xZZ;");
  /* In code, an entity is text */
  assert_text (code, "&amp; &\n&lt;");
  assert_text (link, "P: [link /a?x=1&y=2:公开]\n");
  assert_text (page,
               "<p>AT&amp;T &lt;script&gt; &lt;b&gt; &amp;hearts; "
               "<a href=\"/x?y=1&amp;z=%22\">a</a></p>\n");
}

static void
test_lists (void)
{
  g_autofree char *blocks = describe_text ("- 第一项\n"
                                           "\n"
                                           "  第一项的说明\n"
                                           "- \n"
                                           "- - 嵌套\n"
                                           "- ## 标题\n"
                                           "\n"
                                           "0) 零\n"
                                           "1) 一\n"
                                           "\n"
                                           "> 1. 引用中的列表\n"
                                           ">    > 列表中的引用\n"
                                           "\n"
                                           "- ```\n"
                                           "  代码\n"
                                           "  ```\n");

  assert_text (blocks,
               "LI • l1: 第一项\n"
               "P l1: 第一项的说明\n"
               "LI • l1:\n"
               "LI • l1:\n"
               "LI • l2: 嵌套\n"
               "LI • l1:\n"
               "H2 l1: 标题\n"
               "LI 0. l1: 零\n"
               "LI 1. l1: 一\n"
               "LI 1. q1 l1: 引用中的列表\n"
               "P q2 l1: 列表中的引用\n"
               "LI • l1:\n"
               "CODE - l1: [code:代码]\n");
}

/* A bare address stays text, as the organ wrote it: only <…> and […](…)
 * make links */
static void
test_bare_addresses (void)
{
  g_autofree char *blocks = describe_text ("详见 https://www.gov.cn/zhengce/ 或 www.gov.cn，"
                                           "邮箱 xxgk@yuelu.gov.cn。");
  g_autofree char *page = html ("详见 https://www.gov.cn/zhengce/ 或 www.gov.cn", 1);

  assert_text (blocks, "P: 详见 https://www.gov.cn/zhengce/ 或 www.gov.cn，邮箱 xxgk@yuelu.gov.cn。\n");
  assert_text (page, "<p>详见 https://www.gov.cn/zhengce/ 或 www.gov.cn</p>\n");
}

/* A table's cells are a grid's labels; the plain text keeps rows and cells apart */
static void
test_table (void)
{
  static const char markdown[] =
    "| 序号 | 名称 | 数量 | 说明 |\n"
    "|---:|:---|:---:|---|\n"
    "| 1 | **行政许可** | 1,024 | 见[目录](/catalogue) |\n"
    "| 2 | 行政处罚 |\n";
  g_autoptr(GPtrArray) blocks = civic_markdown_parse (markdown, -1, NULL);
  g_autofree char *description = describe (blocks);
  g_autofree char *text = civic_markdown_blocks_to_plain_text (blocks);
  g_autofree char *cell = NULL;
  CivicMarkdownTable *table;

  assert_text (description,
               "TABLE 3×4:\n"
               "  th | 序号 > | 名称 < | 数量 ^ | 说明\n"
               "  td | 1 > | [strong:行政许可] < | 1,024 ^ | 见[link /catalogue:目录]\n"
               "  td | 2 > | 行政处罚 < |  ^ | \n");
  assert_text (text, "序号\t名称\t数量\t说明\n1\t行政许可\t1,024\t见目录\n2\t行政处罚\t\t");

  table = ((CivicMarkdownBlock *) g_ptr_array_index (blocks, 0))->table;
  cell = civic_markdown_runs_to_text (civic_markdown_table_get_cell (table, 1, 1));
  g_assert_cmpstr (cell, ==, "行政许可");
}

/* A byte-order mark is not text */
static void
test_byte_order_mark (void)
{
  g_autofree char *blocks = describe_text ("\xEF\xBB\xBF# 标题");
  g_autofree char *page = html ("\xEF\xBB\xBF# 标题", 0);

  assert_text (blocks, "H1: 标题\n");
  assert_text (page, "<h1>标题</h1>\n");
}

/* Larger than a 50-page document is refused, as is text that is not UTF-8 */
static void
test_limits (void)
{
  g_autoptr(GString) largest = g_string_new (NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *text = NULL;

  while (largest->len + 10 <= CIVIC_MARKDOWN_MAX_SIZE)
    g_string_append (largest, "公开。\n");  /* 10 bytes */
  while (largest->len < CIVIC_MARKDOWN_MAX_SIZE)
    g_string_append_c (largest, ' ');
  g_assert_cmpuint (largest->len, ==, 512 * 1024);

  blocks = civic_markdown_parse (largest->str, largest->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocks->len, ==, 1);

  g_string_append_c (largest, '\n');
  g_clear_pointer (&blocks, g_ptr_array_unref);
  blocks = civic_markdown_parse (largest->str, largest->len, &error);
  g_assert_error (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_TOO_LARGE);
  g_assert_null (blocks);
  g_assert_nonnull (strstr (error->message, "512"));
  g_clear_error (&error);

  page = civic_markdown_to_html (largest->str, -1, 1, &error);
  g_assert_error (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_TOO_LARGE);
  g_assert_null (page);
  g_clear_error (&error);

  text = civic_markdown_to_plain_text ("公开\xE5\x85", -1, &error);
  g_assert_error (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_INVALID_TEXT);
  g_assert_null (text);
  g_clear_error (&error);

  page = civic_markdown_to_html ("a\0b", 3, 0, &error);
  g_assert_error (error, CIVIC_MARKDOWN_ERROR, CIVIC_MARKDOWN_ERROR_INVALID_TEXT);
  g_assert_null (page);
}

/* md4c 0.4.8 reads the byte after its input: a ")" there must not end a
 * link that the text leaves open (civic_markdown_prepare_input()) */
static void
test_end_of_input (void)
{
  static const char markdown[] = "[点击](//\")";
  gsize length = strlen (markdown) - 1;
  g_autoptr(GPtrArray) blocks = civic_markdown_parse (markdown, length, NULL);
  g_autofree char *page = civic_markdown_to_html (markdown, length, 1, NULL);
  g_autofree char *description = NULL;

  g_assert_nonnull (blocks);
  description = describe (blocks);
  assert_text (description, "P: [点击](//\"\n");
  assert_text (page, "<p>[点击](//&quot;</p>\n");
}

/* Deep nesting is shown at CIVIC_MARKDOWN_MAX_DEPTH, and costs no stack */
static void
test_nesting (void)
{
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) huge_blocks = NULL;
  g_autofree char *page = NULL;
  CivicMarkdownBlock *block;

  for (guint i = 0; i < 100; i++)
    g_string_append_c (quotes, '>');
  g_string_append (quotes, " 深处\n");
  blocks = civic_markdown_parse (quotes->str, -1, NULL);
  g_assert_cmpuint (blocks->len, ==, 1);
  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpuint (block->quote_depth, ==, CIVIC_MARKDOWN_MAX_DEPTH);
  g_clear_pointer (&blocks, g_ptr_array_unref);

  for (guint i = 0; i < 40; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append (lists, "  ");
      g_string_append_printf (lists, "- 第%u层\n", i + 1);
    }
  blocks = civic_markdown_parse (lists->str, -1, NULL);
  g_assert_cmpuint (blocks->len, ==, 40);
  block = g_ptr_array_index (blocks, 30);
  g_assert_cmpuint (block->list_depth, ==, 31);
  block = g_ptr_array_index (blocks, 39);
  g_assert_cmpuint (block->list_depth, ==, CIVIC_MARKDOWN_MAX_DEPTH);
  g_assert_cmpstr (((CivicMarkdownRun *) g_ptr_array_index (block->runs, 0))->text, ==, "第40层");

  /* Half a mebibyte of quote markers: hundreds of thousands of levels */
  while (huge->len < CIVIC_MARKDOWN_MAX_SIZE - 16)
    g_string_append (huge, "> ");
  g_string_append (huge, "底");
  huge_blocks = civic_markdown_parse (huge->str, huge->len, NULL);
  g_assert_cmpuint (huge_blocks->len, ==, 1);
  block = g_ptr_array_index (huge_blocks, 0);
  g_assert_cmpuint (block->quote_depth, ==, CIVIC_MARKDOWN_MAX_DEPTH);
  page = civic_markdown_to_html (huge->str, huge->len, 1, NULL);
  /* A browser flattens what is deeper than it takes (512 in Chromium) */
  g_assert_nonnull (strstr (page, "<blockquote>\n<p>底</p>\n</blockquote>\n</blockquote>\n"));
}

static void
test_link_is_safe (void)
{
  static const char * const safe[] = {
    "https://www.gov.cn/zhengce/", "http://www.yuelu.gov.cn", "HTTPS://WWW.GOV.CN",
    "mailto:xxgk@yuelu.gov.cn", "/public/disclosures/42", "guide.html", "../columns/3",
    "#section-2", "?page=2", "", "docs/a:b", " https://www.gov.cn ",
  };
  static const char * const unsafe[] = {
    "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
    "\x01javascript:alert(1)", "java script:alert(1)", "javascript\x7f:alert(1)",
    "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
    "ftp://example.com/", "tel:12345", "//evil.example/", "\\\\evil.example/", "/\\evil.example/",
    " //evil.example/", "javascript\xC2\xAD:alert(1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    if (!civic_markdown_link_is_safe (safe[i]))
      g_error ("“%s” should be safe", safe[i]);
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    if (civic_markdown_link_is_safe (unsafe[i]))
      g_error ("“%s” should not be safe", unsafe[i]);
}

/* A link a browser would run, or one to another host by "//", is its text */
static void
test_html_unsafe_links (void)
{
  static const char * const links[] = {
    "[点击](javascript:alert(1))",
    "[点击](JavaScript:alert(1))",
    "[点击](<java\tscript:alert(1)>)",
    "[点击](javascript&#58;alert(1))",
    "[点击](javascript&colon;alert(1))",
    "[点击](&#106;avascript:alert(1))",
    "[点击](&#x6A;&#x61;vascript:alert(1))",
    "[点击](java&Tab;script:alert(1))",
    "[点击](java&NewLine;script:alert(1))",
    "[点击](vbscript:msgbox(1))",
    "[点击](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[点击](file:///etc/passwd)",
    "[点击](//evil.example/)",
    "[点击](/\\\\evil.example/)",
    "[点击][x]\n\n[x]: javascript:alert(1)",
    "[点击][x]\n\n[x]: <JAVA\tSCRIPT:alert(1)>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *page = html (links[i], 0);

      if (!g_str_equal (page, "<p>点击</p>\n"))
        g_error ("“%s” gives %s", links[i], page);
    }

  /* An autolink of another scheme is its text, escaped */
  {
    g_autofree char *page = html ("<javascript:alert(\"1\")>", 0);

    assert_text (page, "<p>javascript:alert(&quot;1&quot;)</p>\n");
  }

  /* The link's styled text stays, without the link */
  {
    g_autofree char *page = html ("[**重要**通知](javascript:void(0) \"t\")后", 0);

    assert_text (page, "<p><strong>重要</strong>通知后</p>\n");
  }

  /* A safe one keeps its title; quotes and spaces cannot leave the attribute */
  {
    g_autofree char *page = html ("[指南](<https://gov.cn/a b\"onclick=x> \"a\\\"b<c>\")", 0);

    assert_text (page,
                 "<p><a href=\"https://gov.cn/a%20b%22onclick=x\" "
                 "title=\"a&quot;b&lt;c&gt;\">指南</a></p>\n");
  }
}

/* A public page loads nothing from elsewhere: an image is its description */
static void
test_html_images (void)
{
  static const struct
  {
    const char *markdown;
    const char *html;
  } cases[] = {
    { "![身份证复印件](data:image/png;base64,iVBORw0KGgo=)", "<p>身份证复印件</p>\n" },
    { "![统计图 *2025*](https://tracker.example/p.gif \"标题\")", "<p>统计图 2025</p>\n" },
    { "![<script>](x.png)", "<p>&lt;script&gt;</p>\n" },
    { "![外 ![内](b.png) 图](a.png)", "<p>外 内 图</p>\n" },
    { "[![徽标](logo.png)](https://www.gov.cn)",
      "<p><a href=\"https://www.gov.cn\">徽标</a></p>\n" },
    { "![链接 [文字](https://x.example)](a.png)", "<p>链接 文字</p>\n" },
    { "![一\n二](a.png)", "<p>一 二</p>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = html (cases[i].markdown, 0);

      assert_text (page, cases[i].html);
    }
}

/* MD_FLAG_NOHTML: what looks like HTML is text */
static void
test_html_raw_html (void)
{
  static const struct
  {
    const char *markdown;
    const char *html;
  } cases[] = {
    { "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n" },
    { "文本<img src=x onerror=alert(1)>文本",
      "<p>文本&lt;img src=x onerror=alert(1)&gt;文本</p>\n" },
    { "<div onclick=\"alert(1)\">\n\n块\n\n</div>",
      "<p>&lt;div onclick=&quot;alert(1)&quot;&gt;</p>\n<p>块</p>\n<p>&lt;/div&gt;</p>\n" },
    { "<!-- 注释 -->", "<p>&lt;!-- 注释 --&gt;</p>\n" },
    { "```html\n<iframe src=\"x\"></iframe>\n```",
      "<pre><code class=\"language-html\">&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;\n"
      "</code></pre>\n" },
    { "```\"><script>\n```",
      "<pre><code class=\"language-&quot;&gt;&lt;script&gt;\"></code></pre>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = html (cases[i].markdown, 0);

      assert_text (page, cases[i].html);
    }
}

/* "#" is an h2 under the page's h1, and nothing goes below h6 */
static void
test_html_headings (void)
{
  static const char markdown[] = "# 一\n## 二\n##### 五\n###### 六\n\n设置\n===\n";
  g_autofree char *none = html (markdown, 0);
  g_autofree char *one = html (markdown, 1);
  g_autofree char *many = html (markdown, 40);

  assert_text (none, "<h1>一</h1>\n<h2>二</h2>\n<h5>五</h5>\n<h6>六</h6>\n<h1>设置</h1>\n");
  assert_text (one, "<h2>一</h2>\n<h3>二</h3>\n<h6>五</h6>\n<h6>六</h6>\n<h2>设置</h2>\n");
  assert_text (many, "<h6>一</h6>\n<h6>二</h6>\n<h6>五</h6>\n<h6>六</h6>\n<h6>设置</h6>\n");
}

/* Header cells name their column; alignment is a class, since the CSP
 * refuses style attributes */
static void
test_html_table (void)
{
  g_autofree char *page = html ("| 事项 | 时限 | 依据 | 备注 |\n"
                                "|:---|---:|:---:|---|\n"
                                "| 主动公开 | 20 | 第二十六条 | |\n", 1);

  assert_text (page,
               "<table>\n"
               "<thead>\n"
               "<tr>\n"
               "<th scope=\"col\" class=\"align-left\">事项</th>\n"
               "<th scope=\"col\" class=\"align-right\">时限</th>\n"
               "<th scope=\"col\" class=\"align-center\">依据</th>\n"
               "<th scope=\"col\">备注</th>\n"
               "</tr>\n"
               "</thead>\n"
               "<tbody>\n"
               "<tr>\n"
               "<td class=\"align-left\">主动公开</td>\n"
               "<td class=\"align-right\">20</td>\n"
               "<td class=\"align-center\">第二十六条</td>\n"
               "<td></td>\n"
               "</tr>\n"
               "</tbody>\n"
               "</table>\n");
}

#ifdef HAVE_MD4C_HTML

static void
append_output (const MD_CHAR *text,
               MD_SIZE        size,
               void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

static char *
md_html_of (const char *markdown)
{
  GString *out = g_string_new (NULL);

  g_assert_cmpint (md_html (markdown, strlen (markdown), append_output, out,
                            MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH,
                            MD_HTML_FLAG_SKIP_UTF8_BOM), ==, 0);
  return g_string_free (out, FALSE);
}

/* Without unsafe links, images or tables, the page is md_html()'s */
static void
test_html_equals_md_html (void)
{
  static const struct
  {
    const char *name;
    const char *markdown;
  } documents[] = {
    { "The notice without its table",
      "# 岳麓区关于*进一步*规范政务公开工作的通知\n\n各街道办事处，区直各部门：\n\n"
      "为贯彻落实《中华人民共和国政府信息公开条例》，依法\n公开政府信息。\n\n"
      "## 一、工作要求\n\n1. 坚持**以公开为常态**、不公开为例外；\n"
      "2. 涉及个人隐私的信息~~一律~~原则上不予公开，包括：\n   - 公民身份号码\n   - 手机号码\n"
      "3. 办理流程详见[办事指南](https://www.yuelu.gov.cn/zwgk/guide.html \"指南\")。\n\n"
      "> 注意：发布前须经保密审查。\n> 联系邮箱 <xxgk@yuelu.gov.cn>\n\n"
      "```text\n索引号：430104/2026-00001\n```\n\n---\n\n特此通知。\n" },
    { "Every entity civic-markdown.c decodes",
      "&amp; &lt; &gt; &quot; &apos; &nbsp; &colon; &copy; &reg; &trade; &hellip; &mdash; "
      "&ndash; &lsquo; &rsquo; &ldquo; &rdquo; &laquo; &raquo; &middot; &bull; &deg; &plusmn; "
      "&times; &divide; &minus; &le; &ge; &ne; &permil; &sect; &para; &yen; &euro; &cent; "
      "&pound; &micro; &sup2; &sup3; &frac12; &frac14; &frac34; &prime; &Prime; &larr; &uarr; "
      "&rarr; &darr; &check; &cross; &shy; &ensp; &emsp; &thinsp; &ZeroWidthSpace; &zwnj; &zwj; "
      "a&Tab;b &#20844; &#x5F00; &#X5f00; &#0; &#1114112; &notanentity;\n" },
    { "Breaks, escapes, code, emphasis",
      "第一行  \n第二行\\\n第三行\n第四行\n\n\\*不是强调\\* \\# \\[x\\] 1\\. \\<b\\>\n\n"
      "`code <b> & \"q\"` ``a`b`` *em **strong em** em* ***both*** _em_ __strong__ "
      "~~删除~~ ~单~\n\n    缩进代码 <b>\n    & \"\n\n~~~python title=\"x&amp;y\"\nprint(\"<>\")\n~~~\n" },
    { "Links that are kept, with the characters md_html() escapes",
      "[相对](../columns/3?a=1&b=2#sec \"标题 & <说明>\") [中文](https://gov.cn/政策/文件 '单')\n"
      "<https://www.gov.cn/a?b=c&d=e> <mailto:x@y.cn> [空]() [根](/)\n\n"
      "[引用][ref] [ref]\n\n[ref]: https://www.gov.cn/zhengce/ \"参考\"\n" },
    { "Containers",
      "> 引用\n>\n> > 嵌套\n> - 列表\n\n3. 三\n4. 四\n\n   续\n\n5. 五\n\n* a\n* b\n+ c\n\n"
      "- [ ] 不是任务\n\n1) 括号\n\n***\n___\n\n标题\n---\n\n### 三级 ###\n" },
    { "Raw HTML, which md_html() also writes as text under MD_FLAG_NOHTML",
      "<script>alert(1)</script>\n\n<div>\n块\n</div>\n\n文本<span onclick=\"x\">内</span>\n" },
    { "A byte-order mark",
      "\xEF\xBB\xBF# 标题\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *ours = html (documents[i].markdown, 0);
      g_autofree char *theirs = md_html_of (documents[i].markdown);

      g_test_message ("%s", documents[i].name);
      assert_text (ours, theirs);
    }
}

/* Where the page differs from md_html(), it differs as it should */
static void
test_html_differs_from_md_html (void)
{
  static const struct
  {
    const char *markdown;
    const char *in_md_html;
  } cases[] = {
    { "[点击](javascript:alert(1))", "href=\"javascript:alert(1)\"" },
    { "[点击](&#106;avascript:alert(1))", "href=\"javascript:alert(1)\"" },
    { "![图](data:image/png;base64,AAAA)", "<img src=\"data:image/png;base64,AAAA\"" },
    { "# 标题", "<h1>" },
    { "| a |\n|--:|\n| 1 |", "<th align=\"right\">" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ours = html (cases[i].markdown, 1);
      g_autofree char *theirs = md_html_of (cases[i].markdown);

      g_assert_nonnull (strstr (theirs, cases[i].in_md_html));
      g_assert_null (strstr (ours, cases[i].in_md_html));
      g_assert_null (strstr (ours, "javascript"));
      g_assert_null (strstr (ours, "<img"));
      g_assert_null (strstr (ours, "align=\""));
    }
}

#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/blocks", test_blocks);
  g_test_add_func ("/markdown/plain-text", test_plain_text);
  g_test_add_func ("/markdown/soft-break", test_soft_break);
  g_test_add_func ("/markdown/entities", test_entities);
  g_test_add_func ("/markdown/lists", test_lists);
  g_test_add_func ("/markdown/bare-addresses", test_bare_addresses);
  g_test_add_func ("/markdown/table", test_table);
  g_test_add_func ("/markdown/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/markdown/limits", test_limits);
  g_test_add_func ("/markdown/end-of-input", test_end_of_input);
  g_test_add_func ("/markdown/nesting", test_nesting);
  g_test_add_func ("/markdown/link-is-safe", test_link_is_safe);
  g_test_add_func ("/markdown-html/unsafe-links", test_html_unsafe_links);
  g_test_add_func ("/markdown-html/images", test_html_images);
  g_test_add_func ("/markdown-html/raw-html", test_html_raw_html);
  g_test_add_func ("/markdown-html/headings", test_html_headings);
  g_test_add_func ("/markdown-html/table", test_html_table);
#ifdef HAVE_MD4C_HTML
  g_test_add_func ("/markdown-html/equals-md-html", test_html_equals_md_html);
  g_test_add_func ("/markdown-html/differs-from-md-html", test_html_differs_from_md_html);
#endif

  return g_test_run ();
}
