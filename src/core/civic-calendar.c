/* civic-calendar.c — working days by the national rule and the annual notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-calendar"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "civic-i18n.h"

#include "civic-calendar.h"
#include "civic-json.h"

/* Working days cannot be derived by rule (全国年节及纪念日放假办法 Art. 6–7):
 * every year the General Office of the State Council publishes which dates
 * are off and which weekend days are worked instead (调休). A day is a
 * working day when a notice lists it as a make-up working day, or it is
 * Monday to Friday and no notice lists it as a holiday; a regional overlay
 * (Art. 4, local ethnic holidays) is applied last. */

typedef struct
{
  CivicDay     start;
  CivicDay     end;
  GStrv        festivals;   /* national festival keys, or NULL */
  GHashTable  *local_names; /* language → name, for regional holidays */
  gboolean     regional;
} Holiday;

typedef struct
{
  int          year;
  char        *region;
  char        *number;
  char        *title;
  CivicDay     issued;
  gboolean     overlay;
  GPtrArray   *holidays;
  JsonNode    *source;
} Notice;

typedef struct
{
  CivicDayKind   kind;
  const Holiday *owner;
} DayRule;

struct _CivicCalendar
{
  GObject      parent_instance;

  char        *region;

  /* year → Notice, national notices only */
  GHashTable  *notices;
  GPtrArray   *overlays;

  /* CivicDay → DayRule, from every notice and overlay that applies */
  GHashTable  *rules;
};

G_DEFINE_FINAL_TYPE (CivicCalendar, civic_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (civic-calendar-error-quark, civic_calendar_error)

static const struct
{
  const char *key;
  const char *name;
} festivals[] = {
  { "new-year", N_("New Year’s Day") },
  { "spring-festival", N_("Spring Festival") },
  { "qingming", N_("Qingming Festival") },
  { "labour-day", N_("Labour Day") },
  { "dragon-boat", N_("Dragon Boat Festival") },
  { "mid-autumn", N_("Mid-Autumn Festival") },
  { "national-day", N_("National Day") },
};

/* The fixed-date statutory holidays (放假办法 Art. 2), all that can be known
 * of a year whose notice has not been published. The lunar holidays cannot
 * be placed without the notice, hence "provisional". */
static const char *fallback_new_year[] = { "new-year", NULL };
static const char *fallback_labour_day[] = { "labour-day", NULL };
static const char *fallback_national_day[] = { "national-day", NULL };
static const Holiday fallback_holidays[] = {
  { 0, 0, (GStrv) fallback_new_year, NULL, FALSE },
  { 0, 0, (GStrv) fallback_labour_day, NULL, FALSE },
  { 0, 0, (GStrv) fallback_national_day, NULL, FALSE },
};

#define MAX_HOLIDAY_LENGTH 31

const char *
civic_festival_get_name (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (festivals); i++)
    if (g_strcmp0 (festivals[i].key, key) == 0)
      return _(festivals[i].name);

  return key;
}

gboolean
civic_festival_is_known (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (festivals); i++)
    if (g_strcmp0 (festivals[i].key, key) == 0)
      return TRUE;

  return FALSE;
}

static void
holiday_free (Holiday *holiday)
{
  g_strfreev (holiday->festivals);
  g_clear_pointer (&holiday->local_names, g_hash_table_unref);
  g_free (holiday);
}

static char *
holiday_dup_name (const Holiday *holiday)
{
  if (holiday->festivals != NULL)
    {
      GString *name = g_string_new (NULL);

      for (guint i = 0; holiday->festivals[i] != NULL; i++)
        {
          if (i > 0)
            /* Translators: joins festival names sharing one break, as in
             * "National Day and Mid-Autumn Festival"; Chinese uses "、" */
            g_string_append (name, C_("festival list", " and "));
          g_string_append (name, civic_festival_get_name (holiday->festivals[i]));
        }
      return g_string_free (name, FALSE);
    }

  if (holiday->local_names != NULL)
    {
      const char * const *languages = g_get_language_names ();
      const char *name;

      for (guint i = 0; languages[i] != NULL; i++)
        if ((name = g_hash_table_lookup (holiday->local_names, languages[i])))
          return g_strdup (name);
      if ((name = g_hash_table_lookup (holiday->local_names, "en")))
        return g_strdup (name);
      if ((name = g_hash_table_lookup (holiday->local_names, "zh_CN")))
        return g_strdup (name);
    }

  return g_strdup (_("Regional holiday"));
}

static void
notice_free (Notice *notice)
{
  g_free (notice->region);
  g_free (notice->number);
  g_free (notice->title);
  g_clear_pointer (&notice->holidays, g_ptr_array_unref);
  g_clear_pointer (&notice->source, json_node_unref);
  g_free (notice);
}

void
civic_calendar_note_free (CivicCalendarNote *note)
{
  if (note == NULL)
    return;
  g_free (note->name);
  g_free (note);
}

static void
civic_calendar_finalize (GObject *object)
{
  CivicCalendar *self = (CivicCalendar *)object;

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->notices, g_hash_table_unref);
  g_clear_pointer (&self->overlays, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_hash_table_unref);

  G_OBJECT_CLASS (civic_calendar_parent_class)->finalize (object);
}

static void
civic_calendar_class_init (CivicCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_calendar_finalize;
}

static void
civic_calendar_init (CivicCalendar *self)
{
  self->notices = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) notice_free);
  self->overlays = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  self->rules = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * civic_calendar_new:
 * @region: the region whose working days this calendar tells, "CN" for the
 *   national calendar or a code below it ("CN-43", "CN-43-31") to apply the
 *   overlays of that region too
 *
 * A calendar is filled by the load functions and not changed afterwards:
 * once loaded it may be shared read-only between threads.
 */
CivicCalendar *
civic_calendar_new (const char *region)
{
  CivicCalendar *self;

  g_return_val_if_fail (region != NULL && *region != '\0', NULL);

  self = g_object_new (CIVIC_TYPE_CALENDAR, NULL);
  self->region = g_strdup (region);
  return self;
}

const char *
civic_calendar_get_region (CivicCalendar *self)
{
  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), NULL);

  return self->region;
}

static gboolean
region_applies (CivicCalendar *self,
                const char    *region)
{
  gsize len = strlen (region);

  return g_str_equal (self->region, region) ||
         (g_str_has_prefix (self->region, region) && self->region[len] == '-');
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError     **error,
      const char  *origin,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_INVALID,
               /* Translators: "<file>: <what is wrong>" */
               _("%s: %s"), origin, message);
  return FALSE;
}

static gboolean
read_day (JsonObject  *object,
          const char  *member,
          gboolean     required,
          int          year,
          CivicDay    *out,
          const char  *origin,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;
  int y;

  *out = CIVIC_DAY_INVALID;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, origin, _("the date “%s” is missing"), member);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, origin, _("“%s” must be a date written YYYY-MM-DD"), member);

  text = json_node_get_string (node);
  if (!civic_day_parse (text, out))
    return fail (error, origin, _("“%s” is not a date written YYYY-MM-DD"), text);

  /* A notice for year Y may reach into the last days of Y−1 (a New Year
   * break starting on 30 December) or the first days of Y+1. */
  if (year != 0)
    {
      int m;

      civic_day_to_ymd (*out, &y, &m, NULL);
      if (!(y == year || (y == year - 1 && m == 12) || (y == year + 1 && m == 1)))
        return fail (error, origin, _("%s lies outside the year %d"), text, year);
    }

  return TRUE;
}

static const char *
read_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static Holiday *
parse_holiday (JsonNode    *node,
               int          year,
               gboolean     overlay,
               GArray      *workdays,
               const char  *origin,
               GError     **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  JsonObject *object;
  JsonNode *member;
  Holiday *holiday;
  CivicDay start, end;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, origin, _("every holiday must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_day (object, "start", TRUE, year, &start, origin, error) ||
      !read_day (object, "end", TRUE, year, &end, origin, error))
    return NULL;

  if (end < start)
    {
      g_autofree char *s = civic_day_format (start);
      g_autofree char *e = civic_day_format (end);

      fail (error, origin, _("the holiday %s–%s ends before it starts"), s, e);
      return NULL;
    }
  if (end - start + 1 > MAX_HOLIDAY_LENGTH)
    {
      g_autofree char *s = civic_day_format (start);

      fail (error, origin, _("the holiday starting %s is longer than %d days"),
            s, MAX_HOLIDAY_LENGTH);
      return NULL;
    }

  holiday = g_new0 (Holiday, 1);
  holiday->start = start;
  holiday->end = end;
  holiday->regional = overlay;

  member = json_object_get_member (object, "festivals");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      guint n = json_array_get_length (array);

      keys = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *key = NULL;

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            key = json_node_get_string (element);

          if (key == NULL || !civic_festival_is_known (key))
            {
              fail (error, origin, _("“%s” is not one of the statutory festivals"),
                    key ? key : "?");
              holiday_free (holiday);
              return NULL;
            }
          g_ptr_array_add (keys, g_strdup (key));
        }
      if (keys->len > 0)
        {
          g_ptr_array_add (keys, NULL);
          holiday->festivals = (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
        }
    }

  member = json_object_get_member (object, "name");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *names = json_node_get_object (member);
      g_autoptr(GList) languages = json_object_get_members (names);

      holiday->local_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (const GList *l = languages; l != NULL; l = l->next)
        {
          const char *name = read_string (names, l->data);

          if (name != NULL && *name != '\0')
            g_hash_table_insert (holiday->local_names, g_strdup (l->data), g_strdup (name));
        }
    }

  if (holiday->festivals == NULL &&
      (holiday->local_names == NULL || g_hash_table_size (holiday->local_names) == 0))
    {
      g_autofree char *s = civic_day_format (start);

      fail (error, origin, overlay
            ? _("the holiday starting %s has no name")
            : _("the holiday starting %s names no statutory festival"), s);
      holiday_free (holiday);
      return NULL;
    }

  member = json_object_get_member (object, "workdays");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          fail (error, origin, _("“workdays” must be a list of dates"));
          holiday_free (holiday);
          return NULL;
        }

      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *text = NULL;
          CivicDay day;
          int y, m;

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            text = json_node_get_string (element);

          if (!civic_day_parse (text, &day))
            {
              fail (error, origin, _("“%s” is not a date written YYYY-MM-DD"), text ? text : "?");
              holiday_free (holiday);
              return NULL;
            }

          civic_day_to_ymd (day, &y, &m, NULL);
          if (!(y == year || (y == year - 1 && m == 12) || (y == year + 1 && m == 1)))
            {
              fail (error, origin, _("%s lies outside the year %d"), text, year);
              holiday_free (holiday);
              return NULL;
            }

          /* 调休 moves a rest day to make up for a holiday: only a Saturday
           * or a Sunday can become a make-up working day. */
          if (!civic_day_is_weekend (day))
            {
              fail (error, origin, _("the make-up working day %s is not a Saturday or Sunday"),
                    text);
              holiday_free (holiday);
              return NULL;
            }
          if (day >= start && day <= end)
            {
              fail (error, origin, _("the make-up working day %s lies inside its own holiday"),
                    text);
              holiday_free (holiday);
              return NULL;
            }

          g_array_append_val (workdays, day);
        }
    }

  return holiday;
}

static Notice *
parse_notice (JsonNode    *root,
              const char  *origin,
              GHashTable  *workday_owner,
              GError     **error)
{
  JsonObject *object, *notice_object;
  JsonNode *member;
  const char *region, *kind, *title;
  Notice *notice;
  gint64 year;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, origin, _("a calendar file must hold a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  region = read_string (object, "region");
  if (region == NULL || *region == '\0')
    {
      fail (error, origin, _("the region is missing"));
      return NULL;
    }

  member = json_object_get_member (object, "year");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      fail (error, origin, _("the year is missing"));
      return NULL;
    }
  year = json_node_get_int (member);
  if (year < 1950 || year > 2200)
    {
      fail (error, origin, _("%" PRId64 " is not a plausible year"), year);
      return NULL;
    }

  kind = read_string (object, "kind");
  if (kind != NULL && !g_str_equal (kind, "notice") && !g_str_equal (kind, "overlay"))
    {
      fail (error, origin, _("unknown calendar kind “%s”"), kind);
      return NULL;
    }

  member = json_object_get_member (object, "notice");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      fail (error, origin, _("the notice the dates come from is missing"));
      return NULL;
    }
  notice_object = json_node_get_object (member);
  title = read_string (notice_object, "title");
  if (title == NULL || *title == '\0')
    {
      fail (error, origin, _("the notice has no title"));
      return NULL;
    }

  notice = g_new0 (Notice, 1);
  notice->year = (int) year;
  notice->region = g_strdup (region);
  notice->overlay = kind != NULL && g_str_equal (kind, "overlay");
  notice->title = g_strdup (title);
  notice->number = g_strdup (read_string (notice_object, "number"));
  notice->holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) holiday_free);
  if (!read_day (notice_object, "issued", FALSE, 0, &notice->issued, origin, error))
    {
      notice_free (notice);
      return NULL;
    }

  member = json_object_get_member (object, "holidays");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      fail (error, origin, _("the list of holidays is missing"));
      notice_free (notice);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
    {
      g_autoptr(GArray) workdays = g_array_new (FALSE, FALSE, sizeof (CivicDay));
      Holiday *holiday;

      holiday = parse_holiday (json_array_get_element (json_node_get_array (member), i),
                               notice->year, notice->overlay, workdays, origin, error);
      if (holiday == NULL)
        {
          notice_free (notice);
          return NULL;
        }
      g_ptr_array_add (notice->holidays, holiday);

      for (guint j = 0; j < workdays->len; j++)
        g_hash_table_insert (workday_owner,
                             GUINT_TO_POINTER (g_array_index (workdays, CivicDay, j)),
                             holiday);
    }

  notice->source = json_node_copy (root);
  return notice;
}

static DayRule *
day_rule_new (CivicDayKind   kind,
              const Holiday *owner)
{
  DayRule *rule = g_new (DayRule, 1);

  rule->kind = kind;
  rule->owner = owner;
  return rule;
}

/* Checks that the new notice contradicts neither itself nor what is loaded,
 * then records its days. Overlays may override national days: a regional
 * holiday on a national working day is the point of an overlay. */
static gboolean
apply_notice (CivicCalendar *self,
              Notice        *notice,
              GHashTable    *workday_owner,
              const char    *origin,
              GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < notice->holidays->len; i++)
    {
      const Holiday *holiday = g_ptr_array_index (notice->holidays, i);

      for (CivicDay d = holiday->start; d <= holiday->end; d++)
        {
          if (g_hash_table_contains (seen, GUINT_TO_POINTER (d)) ||
              g_hash_table_contains (workday_owner, GUINT_TO_POINTER (d)) ||
              (!notice->overlay && g_hash_table_contains (self->rules, GUINT_TO_POINTER (d))))
            {
              g_autofree char *text = civic_day_format (d);

              return fail (error, origin, _("%s is listed twice"), text);
            }
          g_hash_table_add (seen, GUINT_TO_POINTER (d));
        }
    }

  g_hash_table_iter_init (&iter, workday_owner);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!notice->overlay && g_hash_table_contains (self->rules, key))
      {
        g_autofree char *text = civic_day_format (GPOINTER_TO_UINT (key));

        return fail (error, origin, _("%s is listed twice"), text);
      }

  for (guint i = 0; i < notice->holidays->len; i++)
    {
      const Holiday *holiday = g_ptr_array_index (notice->holidays, i);

      for (CivicDay d = holiday->start; d <= holiday->end; d++)
        g_hash_table_insert (self->rules, GUINT_TO_POINTER (d),
                             day_rule_new (CIVIC_DAY_KIND_HOLIDAY, holiday));
    }

  g_hash_table_iter_init (&iter, workday_owner);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->rules, key,
                         day_rule_new (CIVIC_DAY_KIND_MAKEUP_WORKDAY, value));

  return TRUE;
}

/**
 * civic_calendar_load_node:
 * @node: one year's notice, or a regional overlay, as parsed JSON
 * @origin: where it came from, for error messages
 *
 * Loads a notice. A notice of another region is skipped and is no error;
 * a second notice for a year already loaded is. On error nothing changes.
 */
gboolean
civic_calendar_load_node (CivicCalendar  *self,
                          JsonNode       *node,
                          const char     *origin,
                          GError        **error)
{
  g_autoptr(GHashTable) workday_owner = g_hash_table_new (NULL, NULL);
  Notice *notice;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (origin != NULL, FALSE);

  notice = parse_notice (node, origin, workday_owner, error);
  if (notice == NULL)
    return FALSE;

  if (!region_applies (self, notice->region))
    {
      g_debug ("%s: region %s does not apply to %s", origin, notice->region, self->region);
      notice_free (notice);
      return TRUE;
    }

  if (!notice->overlay)
    {
      if (g_hash_table_contains (self->notices, GINT_TO_POINTER (notice->year)))
        {
          g_set_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_DUPLICATE,
                       _("%s: the notice for %d is already loaded"), origin, notice->year);
          notice_free (notice);
          return FALSE;
        }
      if (!g_str_equal (notice->region, "CN"))
        {
          fail (error, origin, _("a national notice must be for the region CN, not “%s”"),
                notice->region);
          notice_free (notice);
          return FALSE;
        }
    }

  if (!apply_notice (self, notice, workday_owner, origin, error))
    {
      notice_free (notice);
      return FALSE;
    }

  if (notice->overlay)
    g_ptr_array_add (self->overlays, notice);
  else
    g_hash_table_insert (self->notices, GINT_TO_POINTER (notice->year), notice);

  return TRUE;
}

gboolean
civic_calendar_load_data (CivicCalendar  *self,
                          const char     *data,
                          gssize          length,
                          const char     *origin,
                          GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (origin == NULL)
    origin = "calendar";

  root = civic_json_parse (data, length, &local_error);
  if (root == NULL)
    {
      /* Translators: "CN-2027.json: The JSON text nests deeper than 64 levels" */
      g_set_error (error, CIVIC_CALENDAR_ERROR, CIVIC_CALENDAR_ERROR_PARSE,
                   _("%s: %s"), origin, local_error->message);
      return FALSE;
    }

  return civic_calendar_load_node (self, root, origin, error);
}

gboolean
civic_calendar_load_file (CivicCalendar  *self,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  basename = g_path_get_basename (path);
  return civic_calendar_load_data (self, contents, length, basename, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * civic_calendar_load_dir:
 *
 * Loads every `*.json` file of @path, in name order, that applies to the
 * calendar's region. Stops at the first file in error.
 */
gboolean
civic_calendar_load_dir (CivicCalendar  *self,
                         const char     *path,
                         GError        **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), FALSE);

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (!civic_calendar_load_file (self, file, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * civic_calendar_new_default:
 *
 * Returns: (transfer full): a calendar with the notices shipped with the
 * program: from $CIVICDESK_CALENDAR_DIR when set, else the installed data,
 * else the source tree (for running uninstalled).
 */
CivicCalendar *
civic_calendar_new_default (const char  *region,
                            GError     **error)
{
  g_autoptr(CivicCalendar) self = civic_calendar_new (region ? region : "CN");
  const char *dir = g_getenv (CIVIC_CALENDAR_DIR_ENV);

  if (dir == NULL || *dir == '\0')
    dir = g_file_test (CALENDARDIR, G_FILE_TEST_IS_DIR) ? CALENDARDIR : SOURCE_CALENDARDIR;

  if (!civic_calendar_load_dir (self, dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
civic_calendar_has_notice (CivicCalendar *self,
                           int            year)
{
  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->notices, GINT_TO_POINTER (year));
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/**
 * civic_calendar_get_years:
 *
 * Returns: (transfer full) (element-type int): the years with a loaded
 * national notice, ascending.
 */
GArray *
civic_calendar_get_years (CivicCalendar *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), years);

  g_hash_table_iter_init (&iter, self->notices);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int year = GPOINTER_TO_INT (key);
      g_array_append_val (years, year);
    }
  g_array_sort (years, compare_ints);
  return years;
}

const char *
civic_calendar_get_notice_title (CivicCalendar *self,
                                 int            year)
{
  Notice *notice;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), NULL);

  notice = g_hash_table_lookup (self->notices, GINT_TO_POINTER (year));
  return notice ? notice->title : NULL;
}

const char *
civic_calendar_get_notice_number (CivicCalendar *self,
                                  int            year)
{
  Notice *notice;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), NULL);

  notice = g_hash_table_lookup (self->notices, GINT_TO_POINTER (year));
  return notice && notice->number && *notice->number ? notice->number : NULL;
}

/**
 * civic_calendar_year_to_json:
 *
 * Returns: (transfer full) (nullable): the national notice of @year as it
 * was loaded, which civic_calendar_load_node() reads back.
 */
JsonNode *
civic_calendar_year_to_json (CivicCalendar *self,
                             int            year)
{
  Notice *notice;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), NULL);

  notice = g_hash_table_lookup (self->notices, GINT_TO_POINTER (year));
  return notice ? json_node_copy (notice->source) : NULL;
}

static CivicDayKind
classify (CivicCalendar  *self,
          CivicDay        day,
          const Holiday **owner,
          gboolean       *provisional)
{
  const DayRule *rule;
  int y, m, d;

  rule = g_hash_table_lookup (self->rules, GUINT_TO_POINTER (day));
  civic_day_to_ymd (day, &y, &m, &d);

  if (provisional != NULL)
    *provisional = !g_hash_table_contains (self->notices, GINT_TO_POINTER (y));

  if (rule != NULL)
    {
      if (owner != NULL)
        *owner = rule->owner;
      /* A day listed by a notice is settled, whichever year's notice. */
      if (provisional != NULL && rule->owner != NULL && !rule->owner->regional)
        *provisional = FALSE;
      return rule->kind;
    }

  if (owner != NULL)
    *owner = NULL;

  if (!g_hash_table_contains (self->notices, GINT_TO_POINTER (y)))
    {
      const Holiday *fallback = NULL;

      if (m == 1 && d == 1)
        fallback = &fallback_holidays[0];
      else if (m == 5 && (d == 1 || d == 2))
        fallback = &fallback_holidays[1];
      else if (m == 10 && d >= 1 && d <= 3)
        fallback = &fallback_holidays[2];

      if (fallback != NULL && !civic_day_is_weekend (day))
        {
          if (owner != NULL)
            *owner = fallback;
          return CIVIC_DAY_KIND_HOLIDAY;
        }
    }

  return civic_day_is_weekend (day) ? CIVIC_DAY_KIND_WEEKEND : CIVIC_DAY_KIND_WORKDAY;
}

/**
 * civic_calendar_classify:
 * @name: (out) (optional) (transfer full): the holiday or the festival a
 *   make-up day belongs to
 * @provisional: (out) (optional): whether the answer rests on the rule alone
 *   because the year's notice is not loaded
 */
CivicDayKind
civic_calendar_classify (CivicCalendar  *self,
                         CivicDay        day,
                         char          **name,
                         gboolean       *provisional)
{
  const Holiday *owner = NULL;
  CivicDayKind kind;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), CIVIC_DAY_KIND_WORKDAY);
  g_return_val_if_fail (day != CIVIC_DAY_INVALID, CIVIC_DAY_KIND_WORKDAY);

  kind = classify (self, day, &owner, provisional);
  if (name != NULL)
    *name = owner != NULL ? holiday_dup_name (owner) : NULL;

  return kind;
}

static inline gboolean
is_working_kind (CivicDayKind kind)
{
  return kind == CIVIC_DAY_KIND_WORKDAY || kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY;
}

gboolean
civic_calendar_is_working_day (CivicCalendar *self,
                               CivicDay       day)
{
  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (day != CIVIC_DAY_INVALID, FALSE);

  return is_working_kind (classify (self, day, NULL, NULL));
}

/**
 * civic_calendar_add_working_days:
 * @start: the day of the triggering event (acceptance, receipt, …)
 * @n: how many working days, at least 0
 * @provisional: (out) (optional): set when any day counted lies in a year
 *   whose notice is not loaded
 *
 * Returns: the Nth working day after @start, or on/after it with
 * %CIVIC_COUNT_START_DAY. With @n 0, @start itself.
 */
CivicDay
civic_calendar_add_working_days (CivicCalendar   *self,
                                 CivicDay         start,
                                 int              n,
                                 CivicCountFlags  flags,
                                 gboolean        *provisional)
{
  gboolean any_provisional = FALSE;
  CivicDay day;
  int counted = 0;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), CIVIC_DAY_INVALID);
  g_return_val_if_fail (start != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);
  g_return_val_if_fail (n >= 0, CIVIC_DAY_INVALID);

  day = start;
  if (n > 0)
    {
      day = (flags & CIVIC_COUNT_START_DAY) ? start : start + 1;
      for (;; day++)
        {
          gboolean day_provisional;

          if (is_working_kind (classify (self, day, NULL, &day_provisional)))
            {
              any_provisional |= day_provisional;
              if (++counted == n)
                break;
            }
        }
    }

  if (provisional != NULL)
    *provisional = any_provisional;
  return day;
}

/**
 * civic_calendar_subtract_working_days:
 * @end: the day counted back from, itself not counted
 * @n: how many working days, at least 0
 * @provisional: (out) (optional): set when any day counted lies in a year
 *   whose notice is not loaded
 *
 * Counts back the way civic_calendar_add_working_days() counts forward:
 * for a working day d, add (subtract (d, n), n) is d. This is the latest
 * day a notice can go out and still come n working days before an event.
 *
 * Returns: the Nth working day before @end; with @n 0, @end itself.
 */
CivicDay
civic_calendar_subtract_working_days (CivicCalendar *self,
                                      CivicDay       end,
                                      int            n,
                                      gboolean      *provisional)
{
  gboolean any_provisional = FALSE;
  CivicDay day = end;
  int counted = 0;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), CIVIC_DAY_INVALID);
  g_return_val_if_fail (end != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);
  g_return_val_if_fail (n >= 0 && (CivicDay) n * 7 < end, CIVIC_DAY_INVALID);

  while (counted < n)
    {
      gboolean day_provisional;

      day--;
      if (is_working_kind (classify (self, day, NULL, &day_provisional)))
        {
          counted++;
          any_provisional |= day_provisional;
        }
    }

  if (provisional != NULL)
    *provisional = any_provisional;
  return day;
}

/**
 * civic_calendar_working_days_between:
 *
 * Returns: the number of working days after @from up to and including @to;
 * negative when @to comes before @from. For every n ≥ 1,
 * between (d, add (d, n)) is n.
 */
int
civic_calendar_working_days_between (CivicCalendar *self,
                                     CivicDay       from,
                                     CivicDay       to)
{
  int count = 0;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != CIVIC_DAY_INVALID && to != CIVIC_DAY_INVALID, 0);

  if (to < from)
    return -civic_calendar_working_days_between (self, to, from);

  for (CivicDay day = from + 1; day <= to; day++)
    if (is_working_kind (classify (self, day, NULL, NULL)))
      count++;

  return count;
}

/**
 * civic_calendar_next_working_day:
 *
 * Returns: the first working day after @day.
 */
CivicDay
civic_calendar_next_working_day (CivicCalendar *self,
                                 CivicDay       day)
{
  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), CIVIC_DAY_INVALID);
  g_return_val_if_fail (day != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);

  return civic_calendar_working_day_on_or_after (self, day + 1);
}

/**
 * civic_calendar_working_day_on_or_after:
 *
 * Returns: @day if it is a working day, else the first one after it. This
 * is where a period whose last day is a rest day ends (Civil Procedure Law
 * Art. 85).
 */
CivicDay
civic_calendar_working_day_on_or_after (CivicCalendar *self,
                                        CivicDay       day)
{
  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), CIVIC_DAY_INVALID);
  g_return_val_if_fail (day != CIVIC_DAY_INVALID, CIVIC_DAY_INVALID);

  while (!is_working_kind (classify (self, day, NULL, NULL)))
    day++;

  return day;
}

static CivicCalendarNote *
note_new (CivicCalendarNoteKind  kind,
          CivicDay               start,
          const Holiday         *owner)
{
  CivicCalendarNote *note = g_new0 (CivicCalendarNote, 1);

  note->kind = kind;
  note->start = start;
  note->end = start;
  note->year = civic_day_get_year (start);
  note->name = owner != NULL ? holiday_dup_name (owner) : NULL;
  return note;
}

/**
 * civic_calendar_explain:
 *
 * Returns: (transfer full) (element-type CivicCalendarNote): what is
 * remarkable about the days after @from up to and including @to, in date
 * order: each holiday skipped (the part of it in the range), each weekend
 * day worked, each year without its notice.
 */
GPtrArray *
civic_calendar_explain (CivicCalendar *self,
                        CivicDay       from,
                        CivicDay       to)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_calendar_note_free);
  CivicCalendarNote *current_holiday = NULL;
  const Holiday *current_owner = NULL;
  int last_provisional_year = 0;

  g_return_val_if_fail (CIVIC_IS_CALENDAR (self), notes);

  for (CivicDay day = from + 1; day <= to; day++)
    {
      const Holiday *owner;
      gboolean provisional;
      CivicDayKind kind = classify (self, day, &owner, &provisional);
      int year = civic_day_get_year (day);

      if (provisional && year != last_provisional_year)
        {
          CivicCalendarNote *note = note_new (CIVIC_CALENDAR_NOTE_PROVISIONAL_YEAR, day, NULL);

          g_ptr_array_add (notes, note);
          last_provisional_year = year;
        }

      if (kind == CIVIC_DAY_KIND_HOLIDAY)
        {
          if (current_holiday != NULL && owner == current_owner && current_holiday->end == day - 1)
            {
              current_holiday->end = day;
              continue;
            }
          current_holiday = note_new (CIVIC_CALENDAR_NOTE_HOLIDAY, day, owner);
          current_owner = owner;
          g_ptr_array_add (notes, current_holiday);
          continue;
        }

      current_holiday = NULL;
      current_owner = NULL;

      if (kind == CIVIC_DAY_KIND_MAKEUP_WORKDAY)
        g_ptr_array_add (notes, note_new (CIVIC_CALENDAR_NOTE_MAKEUP_WORKDAY, day, owner));
    }

  return notes;
}
