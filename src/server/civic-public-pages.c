/* civic-public-pages.c — the public column of disclosures, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-public-pages"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-markdown-html.h"
#include "civic-public-pages.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* The pages a citizen reads the disclosures on (政府信息公开专栏): the
 * directory with its filters, one disclosure, one column. They are plain
 * HTML forms and links, no script, one style sheet of our own, so that
 * they work in any browser, on a phone, with a screen reader, and under a
 * policy that lets nothing else in (CIVIC_PUBLIC_PAGE_CSP). The language
 * is the request's (Accept-Language), the page's lang attribute a
 * translation of its own. Everything comes from the public tables
 * (civic-disclosure-public.c). */

static const char style[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--bg:#fafafa;--muted:#5e5c64;--link:#1a5fb4;"
  "--line:#deddda;--card:#ffffff;--accent:#c01c28}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#f6f5f4;--bg:#1e1e1e;--muted:#c0bfbc;"
  "--link:#99c1f1;--line:#3d3846;--card:#241f31;--accent:#f66151}}\n"
  "*{box-sizing:border-box}\n"
  "html{font-size:100%;-webkit-text-size-adjust:100%}\n"
  "body{margin:0;font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",system-ui,sans-serif;"
  "line-height:1.7;color:var(--fg);background:var(--bg)}\n"
  ".skip{position:absolute;left:-10000px;top:auto}\n"
  ".skip:focus{position:static;display:block;padding:.5rem 1rem;background:var(--card)}\n"
  "header.site{border-bottom:4px solid var(--accent);background:var(--card)}\n"
  "header.site div,main,footer div{max-width:60rem;margin:0 auto;padding:.75rem 1rem}\n"
  "header.site p{margin:0;font-size:1.25rem;font-weight:700}\n"
  "header.site a{color:var(--fg);text-decoration:none}\n"
  "nav.site ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;"
  "gap:.25rem 1.25rem}\n"
  "nav.site a{display:inline-block;min-height:2.75rem;line-height:2.75rem;color:var(--link);"
  "text-decoration:underline}\n"
  "ul.ideas{list-style:none;padding:0;display:grid;gap:1rem}\n"
  "ul.ideas li{padding:1rem;background:var(--card);border:1px solid var(--line);"
  "border-radius:.5rem}\n"
  "ul.ideas h3{margin-top:0}\n"
  "main h1{font-size:1.6rem;line-height:1.3;margin:1rem 0}\n"
  "main h2{font-size:1.3rem}main h3{font-size:1.15rem}\n"
  "a{color:var(--link)}\n"
  "a:focus,button:focus,input:focus,select:focus{outline:3px solid var(--link);outline-offset:2px}\n"
  "form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;"
  "padding:1rem;background:var(--card);border:1px solid var(--line);border-radius:.5rem}\n"
  "form.filters label{display:block;font-weight:600}\n"
  "form.filters input,form.filters select{width:100%;font:inherit;padding:.4rem;"
  "border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}\n"
  "form.filters button{font:inherit;padding:.5rem 1rem;border:0;border-radius:.25rem;"
  "background:var(--link);color:var(--bg);align-self:end;min-height:2.75rem}\n"
  "ol.results{list-style:none;padding:0}\n"
  "ol.results li{padding:1rem 0;border-bottom:1px solid var(--line)}\n"
  "ol.results h2{font-size:1.1rem;margin:0}\n"
  ".meta{color:var(--muted);font-size:.9rem;margin:.25rem 0}\n"
  "dl.catalogue{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;"
  "padding:1rem;background:var(--card);border:1px solid var(--line);border-radius:.5rem}\n"
  "dl.catalogue dt{font-weight:600}dl.catalogue dd{margin:0;overflow-wrap:anywhere}\n"
  "@media (max-width:30rem){dl.catalogue{grid-template-columns:1fr}}\n"
  "ul.columns{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;padding-left:0}\n"
  "ol.trail{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}\n"
  "ol.trail li+li::before{content:\"/\";margin-right:.5rem;color:#555}\n"
  ".body{overflow-wrap:anywhere}\n"
  ".body table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}\n"
  ".body th,.body td{border:1px solid var(--line);padding:.25rem .5rem}\n"
  "table.materials caption{text-align:left;color:var(--muted)}"
  "table.materials th,table.materials td{text-align:left;vertical-align:top}\n"
  "@media (min-width:40rem){table.materials{display:table;width:100%}}\n"
  ".body .align-right{text-align:right}.body .align-center{text-align:center}\n"
  ".body pre{overflow-x:auto}\n"
  ".body blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--line);"
  "color:var(--muted)}\n"
  ".notice{padding:1rem;border-left:4px solid var(--accent);background:var(--card)}\n"
  "nav.pages ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}\n"
  "nav.pages a,nav.pages span{display:inline-block;min-width:2.75rem;min-height:2.75rem;"
  "padding:.5rem;text-align:center;border:1px solid var(--line);border-radius:.25rem}\n"
  "nav.pages [aria-current]{font-weight:700;background:var(--card)}\n"
  "footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}\n"
  "form.letter{display:grid;gap:1rem;padding:1rem;background:var(--card);"
  "border:1px solid var(--line);border-radius:.5rem;margin:1rem 0}\n"
  "form.letter label,form.letter legend{display:block;font-weight:600}\n"
  "form.letter fieldset{border:0;padding:0;margin:0;display:grid;gap:.5rem}\n"
  "form.letter input[type=text],form.letter input[type=tel],form.letter input[type=email],"
  "form.letter select,form.letter textarea{width:100%;font:inherit;padding:.4rem;"
  "border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}\n"
  "form.letter textarea{min-height:10rem}\n"
  "form.letter .check{display:flex;gap:.5rem;align-items:center}\n"
  "form.letter .check input{width:1.5rem;height:1.5rem}\n"
  "form.letter .check label{font-weight:400}\n"
  "form.letter button{font:inherit;padding:.5rem 1rem;border:0;border-radius:.25rem;"
  "background:var(--link);color:var(--bg);justify-self:start;min-height:2.75rem}\n"
  ".hint{color:var(--muted);font-size:.9rem;margin:.25rem 0 0}\n"
  ".receipt{font-size:1.6rem;font-weight:700;letter-spacing:.1em;font-family:monospace}\n"
  "ol.replies{list-style:none;padding:0}\n"
  "ol.replies li{padding:1rem;margin:.5rem 0;background:var(--card);border:1px solid var(--line);"
  "border-radius:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}\n";

const char *
civic_public_pages_style (void)
{
  return style;
}

static void
text (GString    *out,
      const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append (out, escaped);
}

/**
 * civic_public_page_text:
 *
 * Appends @value escaped for HTML's text and attributes.
 */
void
civic_public_page_text (GString    *out,
                        const char *value)
{
  text (out, value);
}

/* A query's value, for an href */
static void
param (GString    *out,
       const char *name,
       const char *value,
       gboolean   *first)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append (out, *first ? "?" : "&amp;");
  g_string_append_printf (out, "%s=%s", name, escaped);
  *first = FALSE;
}

/* The site a page belongs to: its name, its front page, what its footer
 * says */
static const char *
site_name (CivicPublicSite site)
{
  switch (site)
    {
    case CIVIC_PUBLIC_SITE_MESSAGES: return _("Write to the Hall");
    case CIVIC_PUBLIC_SITE_GUIDE: return _("Service Guide");
    case CIVIC_PUBLIC_SITE_DISCLOSURES:
    default: return _("Government Information Disclosure");
    }
}

/**
 * civic_public_page_start:
 *
 * Opens a public page of @site: its language, its title, the way past
 * the header, the header.
 */
void
civic_public_page_start (GString         *out,
                         CivicPublicSite  site,
                         const char      *title)
{
  /* Translators: the language tag of the public pages, as in HTML's lang
   * attribute: "zh-CN" in Chinese */
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                               "<title>", _("en"));
  text (out, title);
  /* The site's front page is named once */
  if (g_strcmp0 (title, site_name (site)) != 0)
    {
      g_string_append (out, " — ");
      text (out, site_name (site));
    }
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" href=\"/public/style.css\">\n</head>\n"
                        "<body>\n<a class=\"skip\" href=\"#main\">");
  text (out, _("Skip to the content"));
  g_string_append_printf (out, "</a>\n<header class=\"site\"><div><p><a href=\"%s\">",
                          site == CIVIC_PUBLIC_SITE_MESSAGES ? "/public/messages"
                          : site == CIVIC_PUBLIC_SITE_GUIDE ? "/public/items"
                          : "/public/disclosures");
  text (out, site_name (site));
  g_string_append (out, "</a></p>");
  /* The citizens' side has four doors: the guide, write, ideas, ratings */
  if (site == CIVIC_PUBLIC_SITE_MESSAGES || site == CIVIC_PUBLIC_SITE_GUIDE)
    {
      g_string_append (out, "<nav class=\"site\" aria-label=\"");
      text (out, _("The hall’s pages"));
      g_string_append (out, "\"><ul><li><a href=\"/public/items\">");
      text (out, _("Service Guide"));
      g_string_append (out, "</a></li><li><a href=\"/public/messages\">");
      text (out, _("Write to the Hall"));
      g_string_append (out, "</a></li><li><a href=\"/public/campaigns\">");
      text (out, _("Idea Campaigns"));
      g_string_append (out, "</a></li><li><a href=\"/public/ratings\">");
      text (out, _("How the Departments Are Rated"));
      g_string_append (out, "</a></li></ul></nav>");
    }
  g_string_append (out, "</div></header>\n<main id=\"main\">\n");
}

void
civic_public_page_end (GString         *out,
                       CivicPublicSite  site)
{
  g_string_append (out, "</main>\n<footer><div><p>");
  if (site == CIVIC_PUBLIC_SITE_MESSAGES)
    text (out, _("Your name and the ways to reach you are seen only by the officials who handle "
                 "your message, and are never published. Replies are published without them."));
  else if (site == CIVIC_PUBLIC_SITE_GUIDE)
    text (out, _("Each guide is the version in effect today. An application is handled under the "
                 "version in effect on the day it is received."));
  else
    text (out, _("Published under the Regulations on Government Information Disclosure. Anyone "
                 "may also ask an organ for information it has not published (Art. 27)."));
  g_string_append (out, "</p></div></footer>\n</body>\n</html>\n");
}

static void
page_start (GString    *out,
            const char *title)
{
  civic_public_page_start (out, CIVIC_PUBLIC_SITE_DISCLOSURES, title);
}

static void
page_end (GString *out)
{
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_DISCLOSURES);
}

static void
day_of (GString    *out,
        const char *instant)
{
  g_autoptr(GDateTime) at = instant != NULL ? civic_time_parse (instant) : NULL;
  g_autofree char *day = NULL;

  if (at == NULL)
    return;
  day = civic_day_format (civic_time_day_of (at));
  g_string_append_printf (out, "<time datetime=\"%s\">%s</time>", day, day);
}

static void
category_label (GString    *out,
                const char *nick)
{
  int value;

  if (nick != NULL && civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_CATEGORY, nick, &value))
    text (out, civic_disclosure_category_get_label (value));
}

static void
entry_list (GString   *out,
            GPtrArray *entries)
{
  if (entries->len == 0)
    {
      g_string_append (out, "<p>");
      text (out, _("Nothing published matches."));
      g_string_append (out, "</p>\n");
      return;
    }

  g_string_append (out, "<ol class=\"results\">\n");
  for (guint i = 0; i < entries->len; i++)
    {
      CivicPublicEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *id = g_uri_escape_string (entry->id, NULL, FALSE);

      g_string_append_printf (out, "<li><h2><a href=\"/public/disclosures/%s\">", id);
      text (out, entry->title);
      g_string_append (out, "</a></h2>\n<p class=\"meta\">");
      text (out, entry->department_name);
      g_string_append (out, " · ");
      day_of (out, entry->published_at);
      if (entry->index_number != NULL)
        {
          g_string_append (out, " · ");
          /* Translators: 索引号, a disclosure's catalogue number */
          text (out, _("Index number"));
          g_string_append (out, " ");
          text (out, entry->index_number);
        }
      g_string_append (out, "</p>\n");
      if (entry->summary != NULL)
        {
          g_string_append (out, "<p>");
          text (out, entry->summary);
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
}

/* Pages of a list: every page a link, the current one marked */
static void
pagination (GString                *out,
            const char             *base,
            const CivicPublicQuery *query,
            const char             *column,
            guint                   total)
{
  guint n_pages = MIN ((total + query->per_page - 1) / query->per_page, CIVIC_PUBLIC_MAX_PAGE);
  guint first = query->page > 5 ? query->page - 5 : 1;
  guint last = MIN (n_pages, first + 9);

  if (n_pages <= 1)
    return;

  g_string_append (out, "<nav class=\"pages\" aria-label=\"");
  text (out, _("Pages"));
  g_string_append (out, "\"><ul>\n");
  for (guint page = first; page <= last; page++)
    {
      gboolean first_param = TRUE;
      g_autofree char *number = g_strdup_printf ("%u", page);

      if (page == query->page)
        {
          g_string_append_printf (out, "<li><span aria-current=\"page\">%u</span></li>\n", page);
          continue;
        }
      g_string_append_printf (out, "<li><a href=\"%s", base);
      param (out, "organ", query->organ, &first_param);
      param (out, "category", query->category, &first_param);
      param (out, "column", column, &first_param);
      param (out, "q", query->q, &first_param);
      if (query->from != CIVIC_DAY_INVALID)
        {
          g_autofree char *from = civic_day_format (query->from);

          param (out, "from", from, &first_param);
        }
      if (query->to != CIVIC_DAY_INVALID)
        {
          g_autofree char *to = civic_day_format (query->to);

          param (out, "to", to, &first_param);
        }
      param (out, "page", number, &first_param);
      g_string_append (out, "\">");
      /* Translators: a link to a page of results; the visible text is only its number */
      g_string_append_printf (out, "<span class=\"skip\">%s </span>%u</a></li>\n", _("Page"), page);
    }
  g_string_append (out, "</ul></nav>\n");
}

void
civic_public_page_option (GString    *out,
                          const char *value,
                          const char *label,
                          const char *selected)
{
  g_string_append (out, "<option value=\"");
  text (out, value);
  g_string_append_c (out, '"');
  if (g_strcmp0 (value, selected) == 0)
    g_string_append (out, " selected");
  g_string_append_c (out, '>');
  text (out, label);
  g_string_append (out, "</option>\n");
}

/**
 * civic_public_page_field:
 * @value: (nullable): what was written, when a form comes back
 * @autocomplete: (nullable): the browser's hint ("name", "tel")
 * @hint: (nullable): a line under it, which the input is described by
 *
 * One labelled input of a form.
 */
void
civic_public_page_field (GString    *out,
                         const char *name,
                         const char *label,
                         const char *type,
                         const char *value,
                         const char *autocomplete,
                         const char *hint,
                         gboolean    required)
{
  g_string_append_printf (out, "<div><label for=\"%s\">", name);
  text (out, label);
  g_string_append_printf (out, "</label><input id=\"%s\" name=\"%s\" type=\"%s\"%s", name, name,
                          type, required ? " required" : "");
  if (autocomplete != NULL)
    g_string_append_printf (out, " autocomplete=\"%s\"", autocomplete);
  if (hint != NULL)
    g_string_append_printf (out, " aria-describedby=\"%s-hint\"", name);
  g_string_append (out, " value=\"");
  text (out, value);
  g_string_append (out, "\">");
  if (hint != NULL)
    {
      g_string_append_printf (out, "<p class=\"hint\" id=\"%s-hint\">", name);
      text (out, hint);
      g_string_append (out, "</p>");
    }
  g_string_append (out, "</div>\n");
}

static void
option (GString    *out,
        const char *value,
        const char *label,
        const char *selected)
{
  civic_public_page_option (out, value, label, selected);
}

static gboolean
organ_options (CivicDb      *db,
               GString      *out,
               const char   *selected,
               GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT DISTINCT department_id FROM public_disclosure "
                               "ORDER BY department_id", error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      if (!civic_db_step (db, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      id = g_strdup (civic_db_column_text (stmt, 0));
      name = civic_disclosure_public_department_name (db, id);
      option (out, id, name, selected);
    }
  civic_db_reset (stmt);
  return TRUE;
}

static void
filter_field (GString    *out,
              const char *id,
              const char *label,
              const char *type,
              const char *value)
{
  g_string_append_printf (out, "<div><label for=\"%s\">", id);
  text (out, label);
  g_string_append_printf (out, "</label><input id=\"%s\" name=\"%s\" type=\"%s\" value=\"", id, id,
                          type);
  text (out, value);
  g_string_append (out, "\"></div>\n");
}

static void
column_link (GString    *out,
             const char *organ,
             const char *id,
             const char *name)
{
  g_autofree char *organ_part = g_uri_escape_string (organ, NULL, FALSE);
  g_autofree char *column_part = g_uri_escape_string (id, NULL, FALSE);

  g_string_append_printf (out, "<a href=\"/public/columns/%s/%s\">", organ_part, column_part);
  text (out, name);
  g_string_append (out, "</a>");
}

/* A titled list of links to @columns (CivicPublicColumn); nothing when
 * there are none */
static void
column_list (GString    *out,
             const char *organ,
             const char *title,
             const char *list_class,
             GPtrArray  *columns)
{
  if (columns->len == 0)
    return;
  g_string_append (out, "<nav aria-label=\"");
  text (out, title);
  g_string_append (out, "\"><h2>");
  text (out, title);
  g_string_append (out, list_class != NULL ? "</h2><ul class=\"" : "</h2><ul");
  if (list_class != NULL)
    {
      text (out, list_class);
      g_string_append (out, "\"");
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < columns->len; i++)
    {
      CivicPublicColumn *column = g_ptr_array_index (columns, i);

      g_string_append (out, "<li>");
      column_link (out, organ, column->id, column->name);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul></nav>\n");
}

/* The top of an organ's catalogue, for one organ's directory */
static gboolean
organ_columns (CivicDb      *db,
               GString      *out,
               const char   *organ,
               GError      **error)
{
  g_autoptr(GPtrArray) columns = civic_disclosure_public_columns (db, organ, NULL, error);

  if (columns == NULL)
    return FALSE;
  column_list (out, organ, _("The organ’s columns"), "columns", columns);
  return TRUE;
}

char *
civic_public_pages_directory (CivicDb                 *db,
                              const CivicPublicQuery  *query,
                              GError                 **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *from = query->from != CIVIC_DAY_INVALID ? civic_day_format (query->from) : NULL;
  g_autofree char *to = query->to != CIVIC_DAY_INVALID ? civic_day_format (query->to) : NULL;
  GEnumClass *categories = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_CATEGORY);
  guint total = 0;

  entries = civic_disclosure_public_find (db, query, &total, error);
  if (entries == NULL)
    {
      g_type_class_unref (categories);
      return NULL;
    }

  page_start (out, _("Disclosures"));
  g_string_append (out, "<h1>");
  text (out, _("Disclosures"));
  g_string_append (out, "</h1>\n<form class=\"filters\" method=\"get\" action=\"/public/disclosures\" "
                        "role=\"search\" aria-label=\"");
  text (out, _("Find disclosures"));
  g_string_append (out, "\">\n");
  filter_field (out, "q", _("Words"), "search", query->q);

  g_string_append (out, "<div><label for=\"organ\">");
  text (out, _("Organ"));
  g_string_append (out, "</label><select id=\"organ\" name=\"organ\">\n");
  option (out, "", _("Every organ"), query->organ != NULL ? query->organ : "");
  if (!organ_options (db, out, query->organ, error))
    {
      g_type_class_unref (categories);
      return NULL;
    }
  g_string_append (out, "</select></div>\n<div><label for=\"category\">");
  text (out, _("Category"));
  g_string_append (out, "</label><select id=\"category\" name=\"category\">\n");
  option (out, "", _("Every category"), query->category != NULL ? query->category : "");
  for (guint i = 0; i < categories->n_values; i++)
    option (out, categories->values[i].value_nick,
            civic_disclosure_category_get_label (categories->values[i].value), query->category);
  g_string_append (out, "</select></div>\n");
  g_type_class_unref (categories);
  filter_field (out, "from", _("Published from"), "date", from);
  filter_field (out, "to", _("Published until"), "date", to);
  g_string_append (out, "<button type=\"submit\">");
  text (out, _("Search"));
  g_string_append (out, "</button>\n</form>\n");
  if (query->organ != NULL && !organ_columns (db, out, query->organ, error))
    return NULL;
  g_string_append (out, "<p role=\"status\">");
  g_string_append_printf (out, civic_ngettext ("%u disclosure", "%u disclosures", total), total);
  g_string_append (out, "</p>\n");
  entry_list (out, entries);
  pagination (out, "/public/disclosures", query, query->column, total);
  page_end (out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
catalogue_row (GString    *out,
               const char *label,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append (out, "<dt>");
  text (out, label);
  g_string_append (out, "</dt><dd>");
  text (out, value);
  g_string_append (out, "</dd>\n");
}

/* A link to another published disclosure, by its title */
static void
related_link (CivicDb     *db,
              GString     *out,
              const char  *id,
              const char  *what)
{
  g_autoptr(JsonNode) other = civic_disclosure_public_get (db, id, NULL);
  g_autofree char *escaped_id = g_uri_escape_string (id, NULL, FALSE);

  if (other == NULL)
    return;
  g_string_append (out, "<li>");
  text (out, what);
  g_string_append_printf (out, ": <a href=\"/public/disclosures/%s\">", escaped_id);
  text (out, json_object_get_string_member (json_node_get_object (other), "title"));
  g_string_append (out, "</a></li>\n");
}

/* The published files, each with its type and size so that a reader on
 * a phone knows what a tap will cost */
static void
attachment_list (GString    *out,
                 const char *id,
                 JsonArray  *attachments)
{
  g_autofree char *id_part = g_uri_escape_string (id, NULL, FALSE);

  if (attachments == NULL || json_array_get_length (attachments) == 0)
    return;
  g_string_append (out, "<section aria-labelledby=\"attachments\"><h2 id=\"attachments\">");
  text (out, _("Attachments"));
  g_string_append (out, "</h2><ul>\n");
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonObject *a = json_array_get_object_element (attachments, i);
      g_autofree char *size = g_format_size (json_object_get_int_member (a, "size"));

      g_string_append_printf (out, "<li><a href=\"/public/v1/disclosures/%s/attachments/%" G_GINT64_FORMAT
                              "\">", id_part, json_object_get_int_member (a, "n"));
      text (out, json_object_get_string_member (a, "name"));
      g_string_append (out, "</a> (");
      text (out, json_object_get_string_member (a, "media_type"));
      g_string_append (out, ", ");
      text (out, size);
      g_string_append (out, ")</li>\n");
    }
  g_string_append (out, "</ul></section>\n");
}

/**
 * civic_public_pages_disclosure:
 *
 * Returns: (transfer full) (nullable): the page, or %NULL without error
 * when nothing was published under @id
 */
char *
civic_public_pages_disclosure (CivicDb      *db,
                               const char   *id,
                               GError      **error)
{
  g_autoptr(JsonNode) node = civic_disclosure_public_get (db, id, error);
  g_autoptr(GString) out = NULL;
  JsonObject *d;
  JsonArray *columns;
  const char *state;
  const char *organ;

  if (node == NULL)
    return NULL;
  d = json_node_get_object (node);
  state = json_object_get_string_member (d, "state");
  organ = json_object_get_string_member (d, "organ");

  out = g_string_new (NULL);
  page_start (out, json_object_get_string_member (d, "title"));
  g_string_append (out, "<article>\n<h1>");
  text (out, json_object_get_string_member (d, "title"));
  g_string_append (out, "</h1>\n");

  if (g_str_equal (state, "withdrawn"))
    {
      g_string_append (out, "<div class=\"notice\" role=\"note\"><p><strong>");
      text (out, _("This information has been withdrawn."));
      g_string_append (out, "</strong> ");
      day_of (out, json_object_get_string_member (d, "withdrawn_at"));
      g_string_append (out, "</p><p>");
      text (out, json_object_get_string_member_with_default (d, "public_notice", ""));
      g_string_append (out, "</p></div>\n");
    }

  g_string_append (out, "<dl class=\"catalogue\">\n");
  catalogue_row (out, _("Index number"), json_object_get_string_member_with_default (d, "index_number", NULL));
  catalogue_row (out, _("Organ"), json_object_get_string_member (d, "organ_name"));
  if (!g_str_equal (state, "withdrawn"))
    {
      g_autoptr(GString) category = g_string_new (NULL);
      const char *validity = json_object_get_string_member_with_default (d, "validity", "none");
      int value;

      category_label (category, json_object_get_string_member_with_default (d, "category", NULL));
      catalogue_row (out, _("Category"), category->str);
      catalogue_row (out, _("Issued by"), json_object_get_string_member_with_default (d, "issuing_organ", NULL));
      catalogue_row (out, _("Document number"), json_object_get_string_member_with_default (d, "document_number", NULL));
      catalogue_row (out, _("Formed on"), json_object_get_string_member_with_default (d, "formed_on", NULL));
      if (civic_enum_from_nick (CIVIC_TYPE_DISCLOSURE_VALIDITY, validity, &value) &&
          value != CIVIC_DISCLOSURE_VALIDITY_NONE)
        catalogue_row (out, _("Validity"), civic_disclosure_validity_get_label (value));
      catalogue_row (out, _("Repealed by"), json_object_get_string_member_with_default (d, "repealed_by", NULL));
    }
  g_string_append (out, "<dt>");
  text (out, _("Published on"));
  g_string_append (out, "</dt><dd>");
  day_of (out, json_object_get_string_member (d, "published_at"));
  g_string_append (out, "</dd>\n");
  if (g_str_equal (state, "expired"))
    catalogue_row (out, _("Status"), _("Expired"));
  g_string_append (out, "</dl>\n");

  if (!g_str_equal (state, "withdrawn"))
    {
      g_autofree char *html = civic_markdown_to_html (json_object_get_string_member (d, "body"), -1,
                                                      1, NULL);

      g_string_append (out, "<div class=\"body\">\n");
      if (html != NULL)
        g_string_append (out, html);
      g_string_append (out, "</div>\n");
      attachment_list (out, id, json_object_get_array_member (d, "attachments"));
    }

  /* A policy interpretation (政策解读) and what it interprets, both ways */
  {
    const char *interprets = json_object_get_string_member_with_default (d, "interpretation_of",
                                                                         NULL);
    JsonArray *interpretations = json_object_get_array_member (d, "interpretations");

    if (interprets != NULL || (interpretations != NULL && json_array_get_length (interpretations) > 0))
      {
        g_string_append (out, "<nav aria-label=\"");
        text (out, _("Related"));
        g_string_append (out, "\"><h2>");
        text (out, _("Related"));
        g_string_append (out, "</h2><ul>\n");
        if (interprets != NULL)
          related_link (db, out, interprets, _("The document it interprets"));
        for (guint i = 0; interpretations != NULL && i < json_array_get_length (interpretations); i++)
          related_link (db, out, json_array_get_string_element (interpretations, i),
                        _("Its interpretation"));
        g_string_append (out, "</ul></nav>\n");
      }
  }

  columns = json_object_get_array_member (d, "columns");
  if (columns != NULL && json_array_get_length (columns) > 0)
    {
      g_string_append (out, "<nav aria-label=\"");
      text (out, _("Columns"));
      g_string_append (out, "\"><h2>");
      text (out, _("Columns"));
      g_string_append (out, "</h2><ul>\n");
      for (guint i = 0; i < json_array_get_length (columns); i++)
        {
          JsonObject *column = json_array_get_object_element (columns, i);

          g_string_append (out, "<li>");
          column_link (out, organ, json_object_get_string_member (column, "id"),
                       json_object_get_string_member (column, "name"));
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul></nav>\n");
    }
  g_string_append (out, "</article>\n");
  page_end (out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_public_pages_column:
 *
 * Returns: (transfer full) (nullable): the column's page, or %NULL without
 * error for an organ the service does not know
 */
char *
civic_public_pages_column (CivicDb      *db,
                           const char   *organ,
                           const char   *id,
                           guint         page,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CivicPublicColumn) column = civic_disclosure_public_column (db, id, &local_error);
  g_autoptr(GPtrArray) trail = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_public_column_free);
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *organ_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *base = NULL;
  g_autofree char *organ_part = g_uri_escape_string (organ, NULL, FALSE);
  g_autofree char *column_part = g_uri_escape_string (id, NULL, FALSE);
  CivicPublicQuery query = { 0 };
  guint total = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (column == NULL || g_strcmp0 (column->department_id, organ) != 0)
    return NULL;

  /* Where it sits in the catalogue, from the top */
  for (const char *up = column->parent_id;
       up != NULL && trail->len < CIVIC_DISCLOSURE_COLUMN_MAX_LEVELS;
       up = ((CivicPublicColumn *) g_ptr_array_index (trail, 0))->parent_id)
    {
      CivicPublicColumn *parent = civic_disclosure_public_column (db, up, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (parent == NULL)
        break;
      g_ptr_array_insert (trail, 0, parent);
    }
  below = civic_disclosure_public_columns (db, organ, id, error);
  if (below == NULL)
    return NULL;

  query.organ = organ;
  query.column = id;
  query.from = query.to = CIVIC_DAY_INVALID;
  query.page = page;
  query.per_page = 20;
  entries = civic_disclosure_public_find (db, &query, &total, error);
  if (entries == NULL)
    return NULL;

  organ_name = civic_disclosure_public_department_name (db, organ);
  /* Translators: a column's page: the organ, then the column, "湖南省市场监督管理局 · 行政许可" */
  title = g_strdup_printf (_("%s · %s"), organ_name, column->name);
  out = g_string_new (NULL);
  page_start (out, title);
  if (trail->len > 0)
    {
      g_string_append (out, "<nav aria-label=\"");
      text (out, _("Catalogue"));
      g_string_append (out, "\"><ol class=\"trail\">\n");
      for (guint i = 0; i < trail->len; i++)
        {
          CivicPublicColumn *parent = g_ptr_array_index (trail, i);

          g_string_append (out, "<li>");
          column_link (out, organ, parent->id, parent->name);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ol></nav>\n");
    }
  g_string_append (out, "<h1>");
  text (out, title);
  g_string_append (out, "</h1>\n");

  /* The same column one level up: the province's beside the city's */
  if (column->counterpart_department_id != NULL || column->counterpart_url != NULL)
    {
      g_string_append (out, "<p>");
      text (out, _("The same column one level up:"));
      g_string_append (out, " ");
      if (column->counterpart_department_id != NULL)
        {
          g_autofree char *up_organ = civic_disclosure_public_department_name (
            db, column->counterpart_department_id);
          g_autofree char *name = g_strdup_printf (_("%s · %s"), up_organ,
                                                   column->counterpart_name);

          column_link (out, column->counterpart_department_id, column->counterpart_id, name);
        }
      else
        {
          g_string_append (out, "<a rel=\"external\" href=\"");
          text (out, column->counterpart_url);
          g_string_append (out, "\">");
          text (out, column->counterpart_name);
          g_string_append (out, "</a>");
        }
      g_string_append (out, "</p>\n");
    }
  column_list (out, organ, _("Columns in this column"), NULL, below);

  g_string_append_printf (out, "<p><a href=\"/public/v1/feeds/%s/%s.atom\" "
                               "type=\"application/atom+xml\">", organ_part, column_part);
  text (out, _("Subscribe to this column (Atom)"));
  g_string_append (out, "</a></p>\n<p role=\"status\">");
  g_string_append_printf (out, civic_ngettext ("%u disclosure", "%u disclosures", total), total);
  g_string_append (out, "</p>\n");
  entry_list (out, entries);
  base = g_strdup_printf ("/public/columns/%s/%s", organ_part, column_part);
  query.column = NULL;
  query.organ = NULL;
  pagination (out, base, &query, NULL, total);
  page_end (out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_public_pages_message:
 *
 * A page of @site that says why there is nothing else: a disclosure
 * never published, a question the directory cannot answer, a receipt
 * nobody holds
 */
char *
civic_public_pages_message (CivicPublicSite  site,
                            const char      *title,
                            const char      *message)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean messages = site == CIVIC_PUBLIC_SITE_MESSAGES;

  civic_public_page_start (out, site, title);
  g_string_append (out, "<h1>");
  text (out, title);
  g_string_append (out, "</h1>\n<p>");
  text (out, message);
  g_string_append_printf (out, "</p>\n<p><a href=\"%s\">",
                          messages ? "/public/messages" : "/public/disclosures");
  text (out, messages ? _("Write to the hall, or follow another message")
                      : _("Back to the disclosures"));
  g_string_append (out, "</a></p>\n");
  civic_public_page_end (out, site);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
