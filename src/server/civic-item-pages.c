/* civic-item-pages.c — the public guide as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item-pages"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-item-guide.h"
#include "civic-item-pages.h"
#include "civic-json.h"
#include "civic-public-pages.h"

/* The online service guide (网上办事指南), the first door of the hall:
 * a search by words, department and type, and each item's guide — who
 * may apply, what to bring in which form and how many copies, how long it
 * takes by law and by the department's promise, what it costs, where and
 * when to go, what comes of it, where to appeal. Plain HTML from the
 * public tables, with the style and chrome of the other public pages;
 * no script. */

#define text civic_public_page_text

static void
start (GString    *out,
       const char *title)
{
  civic_public_page_start (out, CIVIC_PUBLIC_SITE_GUIDE, title);
}

static const char *
unit_words (const char *unit)
{
  return g_strcmp0 (unit, "calendar-days") == 0 ? _("calendar days") : _("working days");
}

/* "20 working days" */
static char *
describe_limit (JsonObject *limit)
{
  gint64 days = limit != NULL ? civic_json_lookup_int (limit, "days", 0) : 0;
  const char *unit = limit != NULL ? civic_json_lookup_string (limit, "unit", NULL) : NULL;

  if (days <= 0)
    return NULL;
  /* Translators: "20 working days" */
  return g_strdup_printf (_("%d %s"), (int) days, unit_words (unit));
}

static void
row (GString    *out,
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

static void
heading (GString    *out,
         const char *id,
         const char *label)
{
  g_string_append_printf (out, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">", id, id);
  text (out, label);
  g_string_append (out, "</h2>\n");
}

static void
paragraph (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, "<p class=\"body\">");
  text (out, value);
  g_string_append (out, "</p>\n");
}

/* The search */

static void
option (GString    *out,
        const char *value,
        const char *label,
        const char *selected)
{
  civic_public_page_option (out, value, label, selected);
}

static void
page_link (GString              *out,
           const CivicItemQuery *query,
           guint                 page,
           const char           *label,
           gboolean              current)
{
  g_autoptr(GString) href = g_string_new ("/public/items?page=");
  g_autofree char *q = query->q != NULL ? g_uri_escape_string (query->q, NULL, FALSE) : NULL;

  g_string_append_printf (href, "%u", page);
  if (q != NULL)
    g_string_append_printf (href, "&q=%s", q);
  if (query->department != NULL)
    g_string_append_printf (href, "&department=%s", query->department);
  if (query->type_code != NULL)
    g_string_append_printf (href, "&type=%s", query->type_code);
  if (current)
    {
      g_string_append (out, "<li><span aria-current=\"page\">");
      text (out, label);
      g_string_append (out, "</span></li>");
      return;
    }
  g_string_append (out, "<li><a href=\"");
  text (out, href->str);
  g_string_append (out, "\">");
  text (out, label);
  g_string_append (out, "</a></li>");
}

/**
 * civic_item_pages_search:
 *
 * Returns: (transfer full) (nullable): the guide's front page: the
 * search form and one page of the items that match
 */
char *
civic_item_pages_search (CivicDb               *db,
                         const CivicItemQuery  *query,
                         GError               **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) found = civic_item_public_find (db, query, error);
  g_autoptr(JsonNode) departments = NULL;
  JsonArray *items;
  gint64 total;
  guint pages;

  if (found == NULL)
    return NULL;
  departments = civic_item_public_departments (db, error);
  if (departments == NULL)
    return NULL;
  items = json_object_get_array_member (json_node_get_object (found), "items");
  total = json_object_get_int_member (json_node_get_object (found), "total");

  start (out, _("Service Guide"));
  g_string_append (out, "<h1>");
  text (out, _("Service Guide"));
  g_string_append (out, "</h1>\n<p>");
  text (out, _("What each matter asks of you before you apply: the materials, the time it takes, "
               "the fee, where to go and what to do if you disagree."));
  g_string_append (out, "</p>\n<form class=\"filters\" method=\"get\" action=\"/public/items\" "
                        "role=\"search\" aria-label=\"");
  text (out, _("Find a matter"));
  g_string_append (out, "\">\n<div><label for=\"q\">");
  text (out, _("Words"));
  g_string_append (out, "</label><input id=\"q\" name=\"q\" type=\"search\" value=\"");
  text (out, query->q != NULL ? query->q : "");
  g_string_append (out, "\"></div>\n<div><label for=\"department\">");
  text (out, _("Department"));
  g_string_append (out, "</label><select id=\"department\" name=\"department\">\n");
  option (out, "", _("Every department"), query->department != NULL ? query->department : "");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (departments)); i++)
    {
      JsonObject *department = json_array_get_object_element (json_node_get_array (departments),
                                                              i);

      option (out, json_object_get_string_member (department, "id"),
              json_object_get_string_member (department, "name"), query->department);
    }
  g_string_append (out, "</select></div>\n<div><label for=\"type\">");
  text (out, _("Type"));
  g_string_append (out, "</label><select id=\"type\" name=\"type\">\n");
  option (out, "", _("Every type"), query->type_code != NULL ? query->type_code : "");
  for (const char * const *code = civic_item_type_codes (); *code != NULL; code++)
    option (out, *code, civic_item_type_get_label (*code), query->type_code);
  g_string_append (out, "</select></div>\n<button type=\"submit\">");
  text (out, _("Search"));
  g_string_append (out, "</button>\n</form>\n<p role=\"status\">");
  g_string_append_printf (out, civic_ngettext ("%u matter", "%u matters", (guint) total),
                          (guint) total);
  g_string_append (out, "</p>\n<ol class=\"results\">\n");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *code = g_uri_escape_string (json_object_get_string_member (item, "code"),
                                                   NULL, FALSE);
      g_autofree char *statutory = describe_limit (civic_json_lookup_object (item, "statutory"));
      g_autofree char *promised = describe_limit (civic_json_lookup_object (item, "promised"));

      g_string_append_printf (out, "<li><h2><a href=\"/public/items/%s\">", code);
      text (out, json_object_get_string_member (item, "name"));
      g_string_append (out, "</a></h2><p class=\"meta\">");
      text (out, json_object_get_string_member (item, "department_name"));
      g_string_append (out, " · ");
      text (out, json_object_get_string_member (item, "type"));
      if (statutory != NULL)
        {
          g_autofree char *limits = promised != NULL
                                    /* Translators: "Within 20 working days by law, 10 as
                                     * promised" */
                                    ? g_strdup_printf (_("Within %s by law, %s as promised"),
                                                       statutory, promised)
                                    /* Translators: "Within 20 working days by law" */
                                    : g_strdup_printf (_("Within %s by law"), statutory);

          g_string_append (out, " · ");
          text (out, limits);
        }
      g_string_append (out, "</p></li>\n");
    }
  g_string_append (out, "</ol>\n");

  pages = (guint) ((total + query->per_page - 1) / query->per_page);
  if (pages > 1)
    {
      g_string_append (out, "<nav class=\"pages\" aria-label=\"");
      text (out, _("Pages"));
      g_string_append (out, "\"><ul>");
      if (query->page > 1)
        page_link (out, query, query->page - 1, _("Previous"), FALSE);
      for (guint p = MAX (1, (int) query->page - 3); p <= MIN (pages, query->page + 3); p++)
        {
          g_autofree char *label = g_strdup_printf ("%u", p);

          page_link (out, query, p, label, p == query->page);
        }
      if (query->page < pages)
        page_link (out, query, query->page + 1, _("Next"), FALSE);
      g_string_append (out, "</ul></nav>\n");
    }
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_GUIDE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One guide */

static const char *
form_words (const char *form)
{
  if (g_strcmp0 (form, "paper") == 0)
    return _("Paper");
  if (g_strcmp0 (form, "electronic") == 0)
    return _("Electronic");
  if (g_strcmp0 (form, "paper-or-electronic") == 0)
    return _("Paper or electronic");
  return NULL;
}

static const char *
source_words (const char *source)
{
  if (g_strcmp0 (source, "applicant") == 0)
    return _("You provide it");
  if (g_strcmp0 (source, "government") == 0)
    return _("The government has it: you need not bring it");
  if (g_strcmp0 (source, "intermediary") == 0)
    return _("An intermediary issues it");
  if (g_strcmp0 (source, "other") == 0)
    return _("Other");
  return NULL;
}

static void
file_link (GString    *out,
           const char *code,
           JsonObject *file,
           const char *what)
{
  g_autofree char *size = NULL;

  if (file == NULL)
    return;
  size = g_format_size (civic_json_lookup_int (file, "size", 0));
  g_string_append_printf (out, "<br><a href=\"/public/v1/items/%s/files/%s\">", code,
                          civic_json_lookup_string (file, "sha256", ""));
  /* Translators: "Blank form: 申请书.docx" */
  {
    g_autofree char *label = g_strdup_printf (_("%s: %s"), what,
                                              civic_json_lookup_string (file, "name", ""));

    text (out, label);
  }
  g_string_append (out, "</a> (");
  text (out, size);
  g_string_append (out, ")");
}

static gboolean
any_has (JsonArray          *materials,
         const char * const *members)
{
  for (guint i = 0; i < json_array_get_length (materials); i++)
    for (guint m = 0; members[m] != NULL; m++)
      if (json_object_has_member (json_array_get_object_element (materials, i), members[m]))
        return TRUE;
  return FALSE;
}

static void
column_head (GString    *out,
             const char *label)
{
  g_string_append (out, "<th scope=\"col\">");
  text (out, label);
  g_string_append (out, "</th>");
}

/* The materials as a table; a column no material fills is left out */
static void
materials_table (GString    *out,
                 const char *code,
                 JsonArray  *materials)
{
  static const char * const form_members[] = { "form", "originals", "copies", "source", NULL };
  static const char * const check_members[] = { "standard", "signature", NULL };
  gboolean with_form, with_check;

  heading (out, "materials", _("What to Bring"));
  if (materials == NULL || json_array_get_length (materials) == 0)
    {
      paragraph (out, _("No materials are asked for."));
      g_string_append (out, "</section>\n");
      return;
    }
  with_form = any_has (materials, form_members);
  with_check = any_has (materials, check_members);
  g_string_append (out, "<div class=\"body\"><table class=\"materials\"><caption>");
  text (out, _("Materials, in the order they are checked"));
  g_string_append (out, "</caption><thead><tr>");
  column_head (out, _("Material"));
  column_head (out, _("Required"));
  if (with_form)
    column_head (out, _("Form and copies"));
  if (with_check)
    column_head (out, _("What is checked"));
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);
      const char *form = form_words (civic_json_lookup_string (material, "form", NULL));
      const char *source = source_words (civic_json_lookup_string (material, "source", NULL));
      gint64 originals = civic_json_lookup_int (material, "originals", 0);
      gint64 copies = civic_json_lookup_int (material, "copies", 0);

      g_string_append (out, "<tr><th scope=\"row\">");
      text (out, civic_json_lookup_string (material, "name", ""));
      file_link (out, code, civic_json_lookup_object (material, "blank_form"), _("Blank form"));
      file_link (out, code, civic_json_lookup_object (material, "sample"), _("Sample"));
      g_string_append (out, "</th><td>");
      text (out, json_object_get_boolean_member_with_default (material, "required", FALSE)
                 ? _("Required") : _("If it applies"));
      g_string_append (out, "</td>");
      if (with_form)
        {
          g_string_append (out, "<td>");
          if (form != NULL)
            text (out, form);
          if (originals > 0 || copies > 0)
            {
              /* Translators: "1 original, 2 copies" */
              g_autofree char *counts = g_strdup_printf (_("%d original, %d copies"),
                                                         (int) originals, (int) copies);

              if (form != NULL)
                g_string_append (out, "<br>");
              text (out, counts);
            }
          if (source != NULL)
            {
              if (form != NULL || originals > 0 || copies > 0)
                g_string_append (out, "<br>");
              text (out, source);
            }
          g_string_append (out, "</td>");
        }
      if (with_check)
        {
          g_string_append (out, "<td>");
          text (out, civic_json_lookup_string (material, "standard", ""));
          if (civic_json_lookup_string (material, "signature", NULL) != NULL)
            {
              if (civic_json_lookup_string (material, "standard", NULL) != NULL)
                g_string_append (out, "<br>");
              text (out, civic_json_lookup_string (material, "signature", NULL));
            }
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table></div></section>\n");
}

static void
time_section (GString    *out,
              JsonObject *guide)
{
  JsonObject *statutory = civic_json_lookup_object (guide, "statutory");
  JsonObject *promised = civic_json_lookup_object (guide, "promised");
  JsonArray *specials = json_object_has_member (guide, "special_procedures")
                        ? json_object_get_array_member (guide, "special_procedures") : NULL;
  g_autofree char *by_law = describe_limit (statutory);
  g_autofree char *as_promised = describe_limit (promised);

  heading (out, "time", _("How Long It Takes"));
  g_string_append (out, "<dl class=\"catalogue\">\n");
  row (out, _("By law"), by_law);
  row (out, _("Explanation"), civic_json_lookup_string (statutory, "explanation", NULL));
  row (out, _("As the department promises"), as_promised);
  if (promised != NULL)
    row (out, _("Explanation"), civic_json_lookup_string (promised, "explanation", NULL));
  for (guint i = 0; specials != NULL && i < json_array_get_length (specials); i++)
    {
      JsonObject *special = json_array_get_object_element (specials, i);
      g_autofree char *limit = describe_limit (special);
      g_autofree char *value = limit != NULL
                               /* Translators: "专家评审, up to 15 working days" */
                               ? g_strdup_printf (_("%s, up to %s"),
                                                  civic_json_lookup_string (special, "name", ""),
                                                  limit)
                               : g_strdup (civic_json_lookup_string (special, "name", ""));

      row (out, _("Not counted"), value);
    }
  g_string_append (out, "</dl>\n<p class=\"hint\">");
  text (out, _("Counted from the day the application is accepted. The time of a special "
               "procedure — an expert review, a hearing — is not counted, and you are told how "
               "long it takes."));
  g_string_append (out, "</p></section>\n");
}

/**
 * civic_item_pages_guide:
 *
 * Returns: (transfer full) (nullable): the guide of an item in effect,
 * or its repeal; %NULL without error for an item the public never saw
 */
char *
civic_item_pages_guide (CivicDb      *db,
                        const char   *code,
                        GError      **error)
{
  g_autoptr(JsonNode) node = civic_item_public_get (db, code, error);
  g_autoptr(GString) out = NULL;
  g_autofree char *escaped_code = NULL;
  g_autofree char *version = NULL;
  JsonObject *item, *guide, *fee, *remedies, *visits, *contacts, *result, *organ;
  JsonArray *laws, *windows;
  const char *name;

  if (node == NULL)
    return NULL;
  out = g_string_new (NULL);
  item = json_node_get_object (node);
  guide = json_object_get_object_member (item, "guide");
  name = civic_item_guide_get_name (guide);
  escaped_code = g_uri_escape_string (code, NULL, FALSE);

  start (out, name);
  g_string_append (out, "<nav aria-label=\"");
  text (out, _("Where you are"));
  g_string_append (out, "\"><ol class=\"trail\"><li><a href=\"/public/items\">");
  text (out, _("Service Guide"));
  g_string_append (out, "</a></li><li><a href=\"/public/items?department=");
  text (out, json_object_get_string_member (item, "department"));
  g_string_append (out, "\">");
  text (out, json_object_get_string_member (item, "department_name"));
  g_string_append (out, "</a></li></ol></nav>\n<h1>");
  text (out, name);
  g_string_append (out, "</h1>\n");

  if (civic_json_lookup_string (item, "repealed_on", NULL) != NULL)
    {
      /* Translators: "This matter was repealed on 2026-12-31: 湘政发〔2026〕9号" */
      g_autofree char *notice = g_strdup_printf (_("This matter was repealed on %s: %s"),
                                                 civic_json_lookup_string (item, "repealed_on", ""),
                                                 civic_json_lookup_string (item, "repeal_basis",
                                                                           ""));

      g_string_append (out, "<p class=\"notice\" role=\"note\">");
      text (out, notice);
      g_string_append (out, "</p>\n");
    }

  organ = civic_json_lookup_object (guide, "organ");
  version = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (item, "version"));
  g_string_append (out, "<dl class=\"catalogue\">\n");
  row (out, _("Code"), code);
  row (out, _("Department"), json_object_get_string_member (item, "department_name"));
  /* The organ, when it is not the department itself (a county's bureau) */
  if (organ != NULL && g_strcmp0 (civic_json_lookup_string (organ, "name", NULL),
                                  json_object_get_string_member (item, "department_name")) != 0)
    row (out, _("Implementing organ"), civic_json_lookup_string (organ, "name", NULL));
  row (out, _("Type"), json_object_get_string_member (item, "type"));
  row (out, _("In effect since"), json_object_get_string_member (item, "effective_on"));
  row (out, _("Version"), version);
  g_string_append (out, "</dl>\n");

  if (json_object_has_member (guide, "conditions"))
    {
      heading (out, "conditions", _("Who May Apply"));
      paragraph (out, civic_json_lookup_string (guide, "conditions", NULL));
      g_string_append (out, "</section>\n");
    }
  materials_table (out, escaped_code, json_object_has_member (guide, "materials")
                                      ? json_object_get_array_member (guide, "materials") : NULL);
  time_section (out, guide);

  fee = civic_json_lookup_object (guide, "fee");
  heading (out, "fee", _("What It Costs"));
  if (fee == NULL || !json_object_get_boolean_member_with_default (fee, "charged", FALSE))
    paragraph (out, _("Free of charge."));
  else
    {
      g_string_append (out, "<dl class=\"catalogue\">\n");
      row (out, _("Standard"), civic_json_lookup_string (fee, "standard", NULL));
      row (out, _("Basis"), civic_json_lookup_string (fee, "basis", NULL));
      row (out, _("Paid online"),
           json_object_get_boolean_member_with_default (fee, "online_payment", FALSE)
           ? _("Yes") : _("No"));
      g_string_append (out, "</dl>\n");
    }
  g_string_append (out, "</section>\n");

  windows = json_object_has_member (guide, "windows")
            ? json_object_get_array_member (guide, "windows") : NULL;
  visits = civic_json_lookup_object (guide, "visits");
  if (windows != NULL || visits != NULL)
    heading (out, "where", _("Where and When"));
  for (guint i = 0; windows != NULL && i < json_array_get_length (windows); i++)
    {
      JsonObject *window = json_array_get_object_element (windows, i);

      g_string_append (out, "<h3>");
      text (out, civic_json_lookup_string (window, "name", ""));
      g_string_append (out, "</h3><dl class=\"catalogue\">\n");
      row (out, _("Address"), civic_json_lookup_string (window, "address", NULL));
      row (out, _("Hours"), civic_json_lookup_string (window, "hours", NULL));
      row (out, _("Phone"), civic_json_lookup_string (window, "phone", NULL));
      g_string_append (out, "</dl>\n");
    }
  if (visits != NULL)
    {
      gint64 count = civic_json_lookup_int (visits, "count", 0);
      g_autofree char *visits_text = count == 0
                                     ? g_strdup (_("You need not come in person."))
                                     : g_strdup_printf (civic_ngettext ("You come in person %d "
                                                                        "time.",
                                                                        "You come in person %d "
                                                                        "times.", count),
                                                        (int) count);

      paragraph (out, visits_text);
      paragraph (out, civic_json_lookup_string (visits, "reason", NULL));
    }
  if (windows != NULL || visits != NULL)
    g_string_append (out, "</section>\n");

  result = civic_json_lookup_object (guide, "result");
  remedies = civic_json_lookup_object (guide, "remedies");
  heading (out, "result", _("What Comes of It"));
  g_string_append (out, "<dl class=\"catalogue\">\n");
  if (result != NULL)
    row (out, _("Result"), civic_json_lookup_string (result, "name", NULL));
  if (remedies != NULL)
    {
      row (out, _("Administrative reconsideration"),
           civic_json_lookup_string (remedies, "reconsideration_body", NULL));
      row (out, _("Administrative litigation"), civic_json_lookup_string (remedies, "court", NULL));
    }
  g_string_append (out, "</dl>\n");
  if (remedies != NULL)
    paragraph (out, civic_json_lookup_string (remedies, "text", NULL));
  g_string_append (out, "</section>\n");

  laws = json_object_has_member (guide, "legal_basis")
         ? json_object_get_array_member (guide, "legal_basis") : NULL;
  if (laws != NULL)
    {
      heading (out, "basis", _("Legal Basis"));
      g_string_append (out, "<ul>\n");
      for (guint i = 0; i < json_array_get_length (laws); i++)
        {
          JsonObject *law = json_array_get_object_element (laws, i);

          g_string_append (out, "<li>");
          text (out, civic_json_lookup_string (law, "law", ""));
          text (out, civic_json_lookup_string (law, "clause", ""));
          if (civic_json_lookup_string (law, "text", NULL) != NULL)
            {
              g_string_append (out, ": ");
              text (out, civic_json_lookup_string (law, "text", NULL));
            }
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul></section>\n");
    }

  contacts = civic_json_lookup_object (guide, "contacts");
  if (contacts != NULL)
    {
      heading (out, "contacts", _("Questions and Complaints"));
      g_string_append (out, "<dl class=\"catalogue\">\n");
      row (out, _("Ask"), civic_json_lookup_string (contacts, "consultation", NULL));
      row (out, _("Complain"), civic_json_lookup_string (contacts, "supervision", NULL));
      g_string_append (out, "</dl></section>\n");
    }
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_GUIDE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
