/* civic-demo-disclosure-text.c — the words of the demo's disclosures, from their templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "civic-demo-disclosures-private.h"
#include "civic-id-numbers.h"
#include "civic-time.h"

/* data/demo/disclosures.json has the templates: a kind's titles,
 * summaries, keywords and body, with placeholders of three sorts. A value
 * fixed for the disclosure ({organ}, {year}, {topic}, and the word lists
 * "fixed" names) is set once in its vars; a value drawn each time
 * ({company}, {int:1:9}, {a|b}, a word list) is drawn where it stands; a
 * block ({table:NAME}, {list:NAME:k}, {links}) is a table or a list.
 * data/demo/check.py knows the same names. */

static char *
chinese_date (CivicDay day)
{
  int y, m, d;

  civic_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/* Values a template asks for: a person, a company, numbers */

static char *
person_name (CivicDemoGen *gen)
{
  JsonObject *people = gen->input->people;
  JsonArray *surnames = json_object_get_array_member (people, "surnames");
  JsonArray *given = json_object_get_array_member (people, "given_chars");
  double r = g_rand_double (gen->rand);
  guint n = json_array_get_length (surnames);
  const char *surname = json_array_get_string_element (surnames, (guint) (r * r * n) % n);
  const char *first, *second;

  if (civic_demo_chance (gen, 0.3))
    return g_strconcat (surname, civic_demo_pick_string (gen, given), NULL);
  first = civic_demo_pick_string (gen, given);
  second = civic_demo_pick_string (gen, given);
  return g_strconcat (surname, first, second, NULL);
}

static JsonObject *
pick_object (CivicDemoGen *gen,
             JsonArray    *array)
{
  return json_array_get_object_element (array,
                                        civic_demo_rand_range (gen, 0, json_array_get_length (array) - 1));
}

static JsonObject *
pick_city (CivicDemoGen *gen)
{
  return pick_object (gen, gen->cities);
}

static JsonObject *
pick_district (CivicDemoGen *gen,
               JsonObject   *city)
{
  return pick_object (gen, json_object_get_array_member (city, "districts"));
}

static char *
city_short (const char *city)
{
  /* 长沙市 → 长沙; 湘西土家族苗族自治州 → 湘西 */
  if (g_str_has_suffix (city, "市"))
    return g_strndup (city, strlen (city) - strlen ("市"));
  return g_strndup (city, g_utf8_offset_to_pointer (city, 2) - city);
}

static char *
company_name (CivicDemoGen *gen)
{
  JsonObject *people = gen->input->people;
  JsonObject *industry = pick_object (gen, json_object_get_array_member (people, "company_industries"));
  JsonArray *prefixes = json_object_get_array_member (people, "company_prefixes");
  JsonArray *words = json_object_get_array_member (people, "company_words");
  JsonArray *suffixes = json_object_get_array_member (people, "company_suffixes");
  const char *prefix = civic_demo_pick_string (gen, prefixes);
  const char *word = civic_demo_pick_string (gen, words);
  const char *suffix = civic_demo_pick_string (gen, suffixes);

  return g_strconcat (prefix, word, json_object_get_string_member (industry, "text"), suffix, NULL);
}

static char *
credit_code (CivicDemoGen *gen)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const char *area = json_object_get_string_member (pick_district (gen, pick_city (gen)), "code");
  char code[19];

  g_snprintf (code, sizeof code, "91%.6s", area);
  code[8] = "MP"[civic_demo_rand_range (gen, 0, 1)];
  code[9] = 'A';
  for (guint i = 10; i < 17; i++)
    code[i] = chars[civic_demo_rand_range (gen, 0, 30)];
  code[17] = civic_privacy_credit_code_check_char (code);
  code[18] = '\0';
  return g_strdup (code);
}

static char *
resident_id (CivicDemoGen *gen)
{
  const char *area = json_object_get_string_member (pick_district (gen, pick_city (gen)), "code");
  int year = civic_demo_rand_range (gen, 1960, 2000);
  int month = civic_demo_rand_range (gen, 1, 12);
  int day = civic_demo_rand_range (gen, 1, 28);
  int serial = civic_demo_rand_range (gen, 1, 999);
  char id[19];

  g_snprintf (id, sizeof id, "%.6s%04d%02d%02d%03d", area, year, month, day, serial);
  id[17] = civic_privacy_resident_id_check_char (id);
  id[18] = '\0';
  return g_strdup (id);
}

static char *
mobile (CivicDemoGen *gen)
{
  static const char *prefixes[] = { "135", "136", "138", "139", "150", "151", "158", "173", "177",
                                    "180", "186", "187", "189", "199" };
  const char *prefix = prefixes[civic_demo_rand_range (gen, 0, G_N_ELEMENTS (prefixes) - 1)];
  int rest = civic_demo_rand_range (gen, 0, 99999999);

  return g_strdup_printf ("%s%08d", prefix, rest);
}

/* A debit card number of a big bank, its last digit the Luhn check */
static char *
bank_card (CivicDemoGen *gen)
{
  char card[17] = "6222";
  int sum = 0;

  for (guint i = 4; i < 15; i++)
    card[i] = '0' + civic_demo_rand_range (gen, 0, 9);
  for (int i = 14, double_it = 1; i >= 0; i--, double_it = !double_it)
    {
      int digit = card[i] - '0';

      if (double_it)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
  card[15] = '0' + (10 - sum % 10) % 10;
  card[16] = '\0';
  return g_strdup (card);
}

static char *
birth_date (CivicDemoGen *gen)
{
  int year = civic_demo_rand_range (gen, 1960, 2000);
  int month = civic_demo_rand_range (gen, 1, 12);
  int day = civic_demo_rand_range (gen, 1, 28);

  return g_strdup_printf ("%d年%d月%d日", year, month, day);
}

static char *
home_address (CivicDemoGen *gen)
{
  JsonObject *city = pick_city (gen);
  JsonObject *addresses = json_object_get_object_member (gen->input->people, "addresses");
  const char *district = json_object_get_string_member (pick_district (gen, city), "name");
  const char *street = civic_demo_pick_string (gen, json_object_get_array_member (addresses, "streets"));
  int number = civic_demo_rand_range (gen, 1, 399);
  int building = civic_demo_rand_range (gen, 1, 30);
  int unit = civic_demo_rand_range (gen, 1, 6);
  int floor = civic_demo_rand_range (gen, 1, 28);
  int room = civic_demo_rand_range (gen, 1, 4);

  return g_strdup_printf ("%s%s%s%d号%d栋%d单元%d%02d室", json_object_get_string_member (city, "city"),
                          district, street, number, building, unit, floor, room);
}

char *
civic_demo_landline (CivicDemoGen *gen)
{
  return g_strdup_printf ("0731-8%07d", civic_demo_rand_range (gen, 0, 9999999));
}

/* "12.5", one decimal, between @min and @max */
static char *
decimal (CivicDemoGen *gen,
         double        min,
         double        max,
         int           digits)
{
  double value = min + g_rand_double (gen->rand) * (max - min);

  return g_strdup_printf ("%.*f", digits, value);
}

/* Templates */

static JsonArray *
word_list (CivicDemoGen  *gen,
           CivicDemoLife *life,
           const char    *name)
{
  JsonObject *words = json_object_has_member (life->organ->info, "words")
                      ? json_object_get_object_member (life->organ->info, "words") : NULL;

  if (words != NULL && json_object_has_member (words, name))
    return json_object_get_array_member (words, name);
  if (json_object_has_member (gen->words, name))
    return json_object_get_array_member (gen->words, name);
  return NULL;
}

static void expand (CivicDemoGen  *gen,
                    CivicDemoLife *life,
                    const char    *text,
                    GString       *out);

static char *
expand_new (CivicDemoGen  *gen,
            CivicDemoLife *life,
            const char    *text)
{
  GString *out = g_string_new (NULL);

  expand (gen, life, text, out);
  return g_string_free (out, FALSE);
}

static gboolean
parse_range (const char *args,
             double     *min,
             double     *max)
{
  g_auto(GStrv) parts = g_strsplit (args, ":", -1);

  if (g_strv_length (parts) != 2)
    return FALSE;
  *min = g_ascii_strtod (parts[0], NULL);
  *max = g_ascii_strtod (parts[1], NULL);
  return *max >= *min;
}

/* @k of the list's entries, in the list's order */
static GPtrArray *
pick_entries (CivicDemoGen *gen,
              JsonArray    *list,
              guint         k)
{
  guint n = json_array_get_length (list);
  g_autofree guint *indices = g_new (guint, n);
  GPtrArray *picked = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    indices[i] = i;
  for (guint i = 0; i < n; i++)
    {
      guint j = i + civic_demo_rand_range (gen, 0, n - 1 - i);
      guint t = indices[i];

      indices[i] = indices[j];
      indices[j] = t;
    }
  k = MIN (k, n);
  for (guint i = 0; i < k; i++)
    for (guint j = i + 1; j < k; j++)
      if (indices[j] < indices[i])
        {
          guint t = indices[i];

          indices[i] = indices[j];
          indices[j] = t;
        }
  for (guint i = 0; i < k; i++)
    g_ptr_array_add (picked, (gpointer) json_array_get_string_element (list, indices[i]));
  return picked;
}

static void
expand_list (CivicDemoGen  *gen,
             CivicDemoLife *life,
             const char    *spec,
             gboolean       numbered,
             GString       *out)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", -1);
  JsonArray *list = g_strv_length (parts) == 2 ? word_list (gen, life, parts[0]) : NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (list == NULL)
    {
      g_warning ("demo disclosures: no list “%s”", spec);
      return;
    }
  entries = pick_entries (gen, list, (guint) g_ascii_strtoull (parts[1], NULL, 10));
  for (guint i = 0; i < entries->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (numbered)
        g_string_append_printf (out, "%u. ", i + 1);
      else
        g_string_append (out, "- ");
      expand (gen, life, g_ptr_array_index (entries, i), out);
    }
}

/* A Markdown table from one of "tables": its rows a count, labels, or a
 * list of words (or "cities") */
static void
expand_table (CivicDemoGen  *gen,
              CivicDemoLife *life,
              const char    *name,
              GString       *out)
{
  JsonObject *table = json_object_has_member (gen->tables, name)
                      ? json_object_get_object_member (gen->tables, name) : NULL;
  JsonArray *columns = table ? json_object_get_array_member (table, "columns") : NULL;
  JsonNode *rows = table ? json_object_get_member (table, "rows") : NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_rows = 0;

  if (columns == NULL || rows == NULL)
    {
      g_warning ("demo disclosures: no table “%s”", name);
      return;
    }

  if (JSON_NODE_HOLDS_VALUE (rows) && g_str_equal (json_node_get_string (rows), "cities"))
    for (guint i = 0; i < json_array_get_length (gen->cities); i++)
      g_ptr_array_add (labels,
                       (gpointer) json_object_get_string_member (json_array_get_object_element (gen->cities, i),
                                                                 "city"));
  else if (JSON_NODE_HOLDS_VALUE (rows))
    {
      /* "post": every entry of the list; "post:2:5", a few of them */
      g_auto(GStrv) spec = g_strsplit (json_node_get_string (rows), ":", -1);
      JsonArray *list = word_list (gen, life, spec[0]);

      if (list != NULL && g_strv_length (spec) == 3)
        {
          guint k = civic_demo_rand_range (gen, atoi (spec[1]), atoi (spec[2]));
          g_autoptr(GPtrArray) picked = pick_entries (gen, list, k);

          for (guint i = 0; i < picked->len; i++)
            g_ptr_array_add (labels, g_ptr_array_index (picked, i));
        }
      else
        for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
          g_ptr_array_add (labels, (gpointer) json_array_get_string_element (list, i));
    }
  else
    {
      JsonArray *array = json_node_get_array (rows);

      if (json_array_get_length (array) == 2 &&
          json_node_get_value_type (json_array_get_element (array, 0)) == G_TYPE_INT64)
        n_rows = civic_demo_rand_range (gen, json_array_get_int_element (array, 0),
                             json_array_get_int_element (array, 1));
      else
        for (guint i = 0; i < json_array_get_length (array); i++)
          g_ptr_array_add (labels, (gpointer) json_array_get_string_element (array, i));
    }
  if (labels->len > 0)
    n_rows = labels->len;

  g_string_append_c (out, '|');
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      g_string_append_c (out, ' ');
      expand (gen, life, json_array_get_string_element (json_array_get_array_element (columns, c), 0),
              out);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < json_array_get_length (columns); c++)
    g_string_append (out, "---|");
  for (guint r = 0; r < n_rows; r++)
    {
      gen->row_seq = r + 1;
      gen->row_label = r < labels->len ? g_ptr_array_index (labels, r) : NULL;
      g_string_append (out, "\n|");
      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          g_string_append_c (out, ' ');
          expand (gen, life,
                  json_array_get_string_element (json_array_get_array_element (columns, c), 1), out);
          g_string_append (out, " |");
        }
    }
  gen->row_label = NULL;
  gen->row_seq = 0;
}

static void
expand_links (CivicDemoGen *gen,
              GString      *out)
{
  JsonArray *links = json_object_get_array_member (gen->templates, "links");
  guint first, n;

  /* Half the pages link on, to one or two of the province's pages */
  if (!civic_demo_chance (gen, 0.5))
    return;
  first = civic_demo_rand_range (gen, 0, json_array_get_length (links) - 1);
  n = civic_demo_rand_range (gen, 1, 2);
  g_string_append (out, "**相关链接**\n");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *link = json_array_get_object_element (links,
                                                        (first + i) % json_array_get_length (links));

      g_string_append_printf (out, "\n- [%s](%s)", json_object_get_string_member (link, "title"),
                              json_object_get_string_member (link, "url"));
    }
}

/* One placeholder, without its braces */
static void
expand_placeholder (CivicDemoGen  *gen,
                    CivicDemoLife *life,
                    const char    *name,
                    GString       *out)
{
  const char *value;
  JsonArray *list;
  double min, max;

  if (strchr (name, '|') != NULL)
    {
      g_auto(GStrv) choices = g_strsplit (name, "|", -1);

      expand (gen, life, choices[civic_demo_rand_range (gen, 0, g_strv_length (choices) - 1)], out);
      return;
    }
  if (g_str_has_prefix (name, "int:") && parse_range (name + 4, &min, &max))
    {
      g_string_append_printf (out, "%d", civic_demo_rand_range (gen, (int) min, (int) max));
      return;
    }
  if (g_str_has_prefix (name, "money:") && parse_range (name + 6, &min, &max))
    {
      g_autofree char *text = decimal (gen, min, max, 2);

      g_string_append (out, text);
      return;
    }
  if (g_str_has_prefix (name, "pct:") && parse_range (name + 4, &min, &max))
    {
      g_autofree char *text = decimal (gen, min, max, 1);

      g_string_append (out, text);
      return;
    }
  if (g_str_has_prefix (name, "table:"))
    {
      expand_table (gen, life, name + 6, out);
      return;
    }
  if (g_str_has_prefix (name, "list:") || g_str_has_prefix (name, "bullets:"))
    {
      gboolean numbered = g_str_has_prefix (name, "list:");

      expand_list (gen, life, strchr (name, ':') + 1, numbered, out);
      return;
    }
  if (g_str_equal (name, "links"))
    {
      expand_links (gen, out);
      return;
    }
  if (g_str_equal (name, "personal"))
    return;  /* placed by make_blocks() */

  if ((value = g_hash_table_lookup (life->vars, name)) != NULL)
    {
      g_string_append (out, value);
      return;
    }

  if (g_str_equal (name, "row"))
    {
      g_string_append (out, gen->row_label ? gen->row_label : "");
      return;
    }
  if (g_str_equal (name, "seq"))
    {
      g_string_append_printf (out, "%u", gen->row_seq);
      return;
    }

  {
    g_autofree char *made = NULL;

    if (g_str_equal (name, "person"))
      made = person_name (gen);
    else if (g_str_equal (name, "company"))
      made = company_name (gen);
    else if (g_str_equal (name, "credit_code"))
      made = credit_code (gen);
    else if (g_str_equal (name, "city"))
      made = g_strdup (json_object_get_string_member (pick_city (gen), "city"));
    else if (g_str_equal (name, "city_short"))
      made = city_short (json_object_get_string_member (pick_city (gen), "city"));
    else if (g_str_equal (name, "item"))
      made = g_strdup (life->organ->items->len > 0
                       ? g_ptr_array_index (life->organ->items,
                                            civic_demo_rand_range (gen, 0, life->organ->items->len - 1))
                       : "");
    else if (g_str_equal (name, "any_topic"))
      made = g_strdup (civic_demo_pick_string (gen, json_object_get_array_member (life->organ->info,
                                                                                   "topics")));
    else if (g_str_equal (name, "value") && gen->stat != NULL)
      {
        double lo = json_object_get_double_member (gen->stat, "min");
        double hi = json_object_get_double_member (gen->stat, "max");

        /* A share is a share in each city; a count is the province's over fourteen */
        if (g_str_equal (json_object_get_string_member (gen->stat, "unit"), "%"))
          made = decimal (gen, lo, hi, 1);
        else
          made = g_strdup_printf ("%d", civic_demo_rand_range (gen, MAX (1, (int) (lo / 14)),
                                                    MAX (2, (int) (hi / 14))));
      }
    else if (g_str_equal (name, "growth"))
      made = decimal (gen, -8, 25, 1);
    else if (g_str_equal (name, "recent_date"))
      made = chinese_date (civic_demo_add_days (life->formed_on, -civic_demo_rand_range (gen, 1, 20)));
    else if (g_str_equal (name, "birth_ym"))
      {
        int year = civic_demo_rand_range (gen, 1970, 1992);

        made = g_strdup_printf ("%d年%d月", year, civic_demo_rand_range (gen, 1, 12));
      }
    else if (g_str_equal (name, "birth_date"))
      made = birth_date (gen);
    else if (g_str_equal (name, "resident_id"))
      made = resident_id (gen);
    else if (g_str_equal (name, "mobile"))
      made = mobile (gen);
    else if (g_str_equal (name, "bank_card"))
      made = bank_card (gen);
    else if (g_str_equal (name, "passport"))
      made = g_strdup_printf ("E%08d", civic_demo_rand_range (gen, 10000000, 99999999));
    else if (g_str_equal (name, "home_address"))
      made = home_address (gen);
    else if (g_str_equal (name, "home_phone") || g_str_equal (name, "office_line"))
      made = civic_demo_landline (gen);
    else if (g_str_equal (name, "qq_mail"))
      made = g_strdup_printf ("%d@qq.com", civic_demo_rand_range (gen, 10000000, 999999999));
    else if ((list = word_list (gen, life, name)) != NULL)
      {
        expand (gen, life, civic_demo_pick_string (gen, list), out);
        return;
      }
    else
      {
        g_warning ("demo disclosures: unknown placeholder “{%s}”", name);
        return;
      }
    g_string_append (out, made);
  }
}

static void
expand (CivicDemoGen  *gen,
        CivicDemoLife *life,
        const char    *text,
        GString       *out)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;

      if (close == NULL)
        {
          g_string_append (out, p);
          return;
        }
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      expand_placeholder (gen, life, name, out);
      p = close + 1;
    }
}

/* Its words: the catalogue, the text of every version */

static void
set_var (CivicDemoLife *life,
         const char    *name,
         char          *value)
{
  g_hash_table_replace (life->vars, (gpointer) name, value);
}

static const char *
numeral (int n)
{
  static const char *numerals[] = { "一", "二", "三", "四", "五", "六" };

  return numerals[CLAMP (n, 1, (int) G_N_ELEMENTS (numerals)) - 1];
}

static void
fill_vars (CivicDemoGen  *gen,
           CivicDemoLife *life)
{
  static const char *valid_years[] = { "2", "3", "5" };
  static const char *quarters[] = { "第一季度", "第二季度", "第三季度", "第四季度" };
  CivicDemoOrgan *organ = life->organ;
  /* A report tells of the weeks before it was written */
  gboolean reports = json_object_get_boolean_member_with_default (life->kind, "reports_period", FALSE);
  CivicDay period = reports ? civic_demo_add_days (life->formed_on, -15) : life->formed_on;
  JsonObject *themes = json_object_get_object_member (gen->templates, "year_themes");
  JsonArray *fixed = json_object_get_array_member (gen->templates, "fixed");
  JsonArray *stats;
  g_autofree char *year_text = NULL;
  int y, m, d, py, pm, pd, year, day_of_year;

  civic_day_to_ymd (life->formed_on, &y, &m, &d);
  civic_day_to_ymd (period, &py, &pm, &pd);
  year = reports ? py : y;
  day_of_year = (int) period - (int) civic_day_from_ymd (py, 1, 1);
  year_text = g_strdup_printf ("%d", year);

  set_var (life, "organ", g_strdup (organ->name));
  set_var (life, "short", g_strdup (organ->short_name));
  set_var (life, "mark", g_strdup (organ->mark));
  set_var (life, "field", g_strdup (json_object_get_string_member (organ->info, "field")));
  set_var (life, "head", g_strdup (organ->head_title));
  set_var (life, "phone", g_strdup (organ->phone));
  set_var (life, "year", g_strdup (year_text));
  set_var (life, "prev_year", g_strdup_printf ("%d", year - 1));
  set_var (life, "next_year", g_strdup_printf ("%d", year + 1));
  set_var (life, "month", g_strdup_printf ("%d", reports ? pm : m));
  set_var (life, "date", chinese_date (life->formed_on));
  set_var (life, "quarter", g_strdup (quarters[(pm - 1) / 3]));
  set_var (life, "period", pm == 1 ? g_strdup ("1月") : g_strdup_printf ("1—%d月", pm));
  set_var (life, "n", g_strdup_printf ("%d", 1 + day_of_year * 24 / 366 + civic_demo_rand_range (gen, 0, 1)));
  set_var (life, "valid_until", chinese_date (civic_demo_add_days (life->formed_on, 5 * 365)));
  set_var (life, "date_plus_3", chinese_date (civic_demo_add_days (life->formed_on, 3)));
  set_var (life, "date_plus_5", chinese_date (civic_demo_add_days (life->formed_on, 5)));
  set_var (life, "date_plus_7", chinese_date (civic_demo_add_days (life->formed_on, 7)));
  set_var (life, "date_plus_10", chinese_date (civic_demo_add_days (life->formed_on, 10)));
  set_var (life, "year_theme",
           g_strdup (json_object_get_string_member_with_default (themes, year_text,
                                                                 "全面贯彻落实党的二十大精神的重要一年")));
  /* The 14th provincial congress first sat in 2023 */
  set_var (life, "session", g_strdup (numeral (year - 2022)));

  if (life->interprets != NULL)
    {
      CivicDemoLife *document = life->interprets;
      g_autofree char *title = g_strdup (document->title);

      /* 《关于印发〈…办法〉的通知》: a title quoted in a title */
      for (char *p = strstr (title, "《"); p != NULL; p = strstr (p, "《"))
        memcpy (p, "〈", strlen ("〈"));
      for (char *p = strstr (title, "》"); p != NULL; p = strstr (p, "》"))
        memcpy (p, "〉", strlen ("〉"));
      set_var (life, "doc_title", g_steal_pointer (&title));
      set_var (life, "doc_number", g_strdup (document->document_number));
      set_var (life, "doc_link", g_strdup_printf ("/public/disclosures/%s", document->id));
      set_var (life, "topic", g_strdup (g_hash_table_lookup (document->vars, "topic")));
      set_var (life, "valid_from", g_strdup (g_hash_table_lookup (document->vars, "valid_from")));
      set_var (life, "valid_years", g_strdup (g_hash_table_lookup (document->vars, "valid_years")));
    }
  else
    {
      set_var (life, "topic",
               g_strdup (civic_demo_pick_string (gen, json_object_get_array_member (organ->info, "topics"))));
      set_var (life, "valid_from", chinese_date (civic_demo_add_days (life->formed_on, 30)));
      set_var (life, "valid_years", g_strdup (valid_years[civic_demo_rand_range (gen, 0, 2)]));
    }

  if (organ->items->len > 0)
    {
      guint item = civic_demo_rand_range (gen, 0, organ->items->len - 1);

      set_var (life, "main_item", g_strdup (g_ptr_array_index (organ->items, item)));
    }

  stats = json_object_has_member (organ->info, "stats")
          ? json_object_get_array_member (organ->info, "stats")
          : json_object_get_array_member (gen->templates, "stats");
  life->stat = pick_object (gen, stats);
  set_var (life, "metric_name", g_strdup (json_object_get_string_member (life->stat, "name")));
  set_var (life, "metric_unit", g_strdup (json_object_get_string_member (life->stat, "unit")));
  if (g_str_equal (json_object_get_string_member (life->stat, "unit"), "%"))
    set_var (life, "value_total", decimal (gen, json_object_get_double_member (life->stat, "min"),
                                           json_object_get_double_member (life->stat, "max"), 1));
  else
    set_var (life, "value_total",
             g_strdup_printf ("%d", civic_demo_rand_range (gen, json_object_get_int_member (life->stat, "min"),
                                                           json_object_get_int_member (life->stat, "max"))));

  if (json_object_has_member (life->kind, "vars"))
    {
      JsonObject *vars = json_object_get_object_member (life->kind, "vars");
      g_autoptr(GList) names = json_object_get_members (vars);

      for (GList *l = names; l != NULL; l = l->next)
        set_var (life, l->data, g_strdup (json_object_get_string_member (vars, l->data)));
    }

  /* Words a disclosure says the same way each time: its verb, its measure */
  for (guint i = 0; i < json_array_get_length (fixed); i++)
    {
      const char *name = json_array_get_string_element (fixed, i);
      JsonArray *list = word_list (gen, life, name);

      if (list != NULL)
        set_var (life, name, expand_new (gen, life, civic_demo_pick_string (gen, list)));
    }
  {
    const char *measure = g_hash_table_lookup (life->vars, "measure");
    glong length = measure != NULL ? g_utf8_strlen (measure, -1) : 0;

    if (length >= 2)
      set_var (life, "measure_short", g_strdup (g_utf8_offset_to_pointer (measure, length - 2)));
  }

  if (life->personal_template != NULL)
    set_var (life, "subject", person_name (gen));
}

/* 湘市监发〔2025〕12号: numbered by the day of the year, as an organ's
 * documents are, disclosed or not */
static void
number_document (CivicDemoGen  *gen,
                 CivicDemoLife *life)
{
  const char *pattern = json_object_get_string_member_with_default (life->kind, "number", NULL);
  int y, m, d;
  guint n;

  if (!life->normative || pattern == NULL)
    return;
  civic_day_to_ymd (life->formed_on, &y, &m, &d);
  n = 1 + ((int) life->formed_on - (int) civic_day_from_ymd (y, 1, 1)) * 40 / 366;
  n += civic_demo_rand_range (gen, 0, 2);
  while (TRUE)
    {
      g_autofree char *number = NULL;

      set_var (life, "docn", g_strdup_printf ("%u", n++));
      number = expand_new (gen, life, pattern);
      if (!g_hash_table_contains (gen->numbers, number))
        {
          g_hash_table_add (gen->numbers, g_strdup (number));
          set_var (life, "doc_number", g_strdup (number));
          life->document_number = g_steal_pointer (&number);
          return;
        }
    }
}

static void
write_titles (CivicDemoGen  *gen,
              CivicDemoLife *life)
{
  JsonArray *keywords = json_object_get_array_member (life->text, "keywords");
  JsonArray *columns = json_object_get_array_member (life->text, "columns");

  life->title = expand_new (gen, life, civic_demo_pick_string (gen, json_object_get_array_member (life->text,
                                                                                        "titles")));
  life->summary = expand_new (gen, life, civic_demo_pick_string (gen, json_object_get_array_member (life->text,
                                                                                          "summaries")));
  for (guint i = 0; i < json_array_get_length (keywords); i++)
    {
      char *keyword = expand_new (gen, life, json_array_get_string_element (keywords, i));

      if (*keyword != '\0' && !g_ptr_array_find_with_equal_func (life->keywords, keyword, g_str_equal, NULL))
        g_ptr_array_add (life->keywords, keyword);
      else
        g_free (keyword);
    }
  for (guint i = 0; i < json_array_get_length (columns); i++)
    g_ptr_array_add (life->columns, civic_demo_column_id (life->organ->id,
                                                          json_array_get_string_element (columns, i)));

  if (life->personal_template != NULL)
    {
      life->personal_text = expand_new (gen, life, json_object_get_string_member (life->personal_template,
                                                                                  "text"));
      if (json_object_get_boolean_member_with_default (life->personal_template, "mark", FALSE))
        life->marked_name = g_strdup (g_hash_table_lookup (life->vars, "subject"));
    }
}

/* The text in blocks: paragraphs, headings, lists, tables; with what the
 * lint catches where the template has {personal}, or at the end */
static GPtrArray *
make_blocks (CivicDemoGen  *gen,
             CivicDemoLife *life,
             gboolean       with_personal)
{
  JsonArray *body = json_object_get_array_member (life->text, "body");
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  gboolean placed = FALSE;

  with_personal = with_personal && life->personal_text != NULL;
  gen->stat = life->stat;
  for (guint i = 0; i < json_array_get_length (body); i++)
    {
      const char *template = json_array_get_string_element (body, i);
      char *block;

      if (g_str_equal (template, "{personal}"))
        {
          if (with_personal)
            g_ptr_array_add (blocks, g_strdup (life->personal_text));
          placed = TRUE;
          continue;
        }
      block = expand_new (gen, life, template);
      if (*block != '\0')
        g_ptr_array_add (blocks, block);
      else
        g_free (block);
    }
  if (with_personal && !placed)
    g_ptr_array_add (blocks, g_strdup (life->personal_text));
  gen->stat = NULL;
  return blocks;
}

static char *
join_blocks (GPtrArray *blocks,
             guint      n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n && i < blocks->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, g_ptr_array_index (blocks, i));
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The drafts before the first submission grow to the whole text; a save
 * after a return or for a revision writes it anew */
void
civic_demo_write_bodies (CivicDemoGen  *gen,
                         CivicDemoLife *life)
{
  g_autoptr(GPtrArray) first = make_blocks (gen, life, TRUE);
  gboolean with_personal = TRUE;

  for (guint i = 0; i < life->steps->len; i++)
    {
      CivicDemoStep *step = g_ptr_array_index (life->steps, i);

      if (step->action != CIVIC_DISCLOSURE_ACTION_SAVE)
        continue;
      if (step->redact)
        with_personal = FALSE;
      else if (step->parts > 0)
        step->text = join_blocks (first, step->part + 1 >= step->parts
                                         ? first->len
                                         : MAX (1, first->len * (step->part + 1) / step->parts));
      else
        {
          g_autoptr(GPtrArray) again = make_blocks (gen, life, with_personal);

          step->text = join_blocks (again, again->len);
        }
    }
}

/**
 * civic_demo_write_catalogue:
 *
 * The values fixed for @life, its document number when it is a
 * normative document, its title, summary, keywords and columns, and the
 * line with personal data it carries, once its days are known
 */
void
civic_demo_write_catalogue (CivicDemoGen  *gen,
                            CivicDemoLife *life)
{
  fill_vars (gen, life);
  number_document (gen, life);
  write_titles (gen, life);
}
