/* civic-item-guide.c — a service item's guide (办事指南), one version of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-item-guide-private.h"
#include "civic-json.h"

/* The shape of a guide is one table (fields below), read by the check
 * that makes a guide canonical, by the diff between two versions, and by
 * docs/catalogue.md's reader. Unknown members are refused, not dropped:
 * a province's list loaded into the wrong field would otherwise vanish
 * without a word. */

G_DEFINE_QUARK (civic-item-error-quark, civic_item_error)

static const char * const type_codes[] = {
  "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20", NULL
};

const char * const *
civic_item_type_codes (void)
{
  return type_codes;
}

gboolean
civic_item_type_is_valid (const char *type_code)
{
  return type_code != NULL && g_strv_contains (type_codes, type_code);
}

/**
 * civic_item_type_get_label:
 *
 * Returns: the name of the type of power or service (行政许可, 公共服务),
 * translated; "" for no type
 */
const char *
civic_item_type_get_label (const char *type_code)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "01", N_("Administrative Licensing") },       /* 行政许可 */
    { "02", N_("Administrative Penalty") },         /* 行政处罚 */
    { "03", N_("Administrative Enforcement") },     /* 行政强制 */
    { "04", N_("Administrative Levy") },            /* 行政征收 */
    { "05", N_("Administrative Payment") },         /* 行政给付 */
    { "06", N_("Administrative Inspection") },      /* 行政检查 */
    { "07", N_("Administrative Confirmation") },    /* 行政确认 */
    { "08", N_("Administrative Award") },           /* 行政奖励 */
    { "09", N_("Administrative Adjudication") },    /* 行政裁决 */
    { "10", N_("Other Administrative Power") },     /* 其他行政权力 */
    { "20", N_("Public Service") },                 /* 公共服务 */
  };

  for (guint i = 0; type_code != NULL && i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].code, type_code) == 0)
      return _(labels[i].label);
  return "";
}

/**
 * civic_item_type_is_applied_for:
 *
 * Returns: whether a citizen applies for an item of this type: a penalty,
 * an enforcement or an inspection is the authority's own act, listed in
 * the catalogue but never filed as a case
 */
gboolean
civic_item_type_is_applied_for (const char *type_code)
{
  return civic_item_type_is_valid (type_code) && strcmp (type_code, "02") != 0 &&
         strcmp (type_code, "03") != 0 && strcmp (type_code, "06") != 0;
}

/* The shape */

static const char * const units[] = { "working-days", "calendar-days", NULL };
static const char * const levels[] = { "province", "city", "county", "township", NULL };
static const char * const tracks[] = { "ordinary", "joint", NULL };
static const char * const forms[] = { "paper", "electronic", "paper-or-electronic", NULL };
static const char * const sources[] = { "applicant", "government", "intermediary", "other",
                                        NULL };
static const char * const applicants[] = { "person", "organisation", NULL };

#define GUIDE_LINE_MAX 200
#define GUIDE_TEXT_MAX 4000

static const CivicGuideField file_fields[] = {
  { "sha256", CIVIC_GUIDE_SHA256, TRUE, N_("Hash") },
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("File Name"), 0, 255 },
  { "media_type", CIVIC_GUIDE_LINE, TRUE, N_("Type"), 0, 127 },
  { "size", CIVIC_GUIDE_INT, TRUE, N_("Size"), 0, 64 * 1024 * 1024 },
  { NULL }
};

static const CivicGuideField limit_fields[] = {
  { "days", CIVIC_GUIDE_INT, TRUE, N_("Days"), 0, 3660 },
  { "unit", CIVIC_GUIDE_CHOICE, TRUE, N_("Unit"), .choices = units },
  { "explanation", CIVIC_GUIDE_TEXT, FALSE, N_("Explanation"), 0, GUIDE_TEXT_MAX },
  { NULL }
};

static const CivicGuideField basis_fields[] = {
  { "law", CIVIC_GUIDE_LINE, TRUE, N_("Law or Regulation"), 0, GUIDE_LINE_MAX },
  { "clause", CIVIC_GUIDE_LINE, FALSE, N_("Clause"), 0, GUIDE_LINE_MAX },
  { "text", CIVIC_GUIDE_TEXT, FALSE, N_("Text"), 0, GUIDE_TEXT_MAX },
  { NULL }
};

static const CivicGuideField organ_fields[] = {
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("Name"), 0, GUIDE_LINE_MAX },
  { "credit_code", CIVIC_GUIDE_LINE, FALSE, N_("Credit Code"), 0, 18 },
  { "level", CIVIC_GUIDE_CHOICE, FALSE, N_("Level"), .choices = levels },
  { NULL }
};

static const CivicGuideField special_fields[] = {
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("Name"), 0, GUIDE_LINE_MAX },
  { "days", CIVIC_GUIDE_INT, FALSE, N_("Days"), 0, 3660 },
  { "unit", CIVIC_GUIDE_CHOICE, FALSE, N_("Unit"), .choices = units },
  { "description", CIVIC_GUIDE_TEXT, FALSE, N_("Description"), 0, GUIDE_TEXT_MAX },
  { NULL }
};

static const CivicGuideField fee_fields[] = {
  { "charged", CIVIC_GUIDE_BOOL, TRUE, N_("Charged") },
  { "basis", CIVIC_GUIDE_TEXT, FALSE, N_("Basis"), 0, GUIDE_TEXT_MAX },
  { "standard", CIVIC_GUIDE_TEXT, FALSE, N_("Standard"), 0, GUIDE_TEXT_MAX },
  { "online_payment", CIVIC_GUIDE_BOOL, FALSE, N_("Paid Online") },
  { NULL }
};

static const CivicGuideField material_fields[] = {
  { "id", CIVIC_GUIDE_ID, TRUE, N_("Id"), 0, 32 },
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("Name"), 0, GUIDE_LINE_MAX },
  { "required", CIVIC_GUIDE_BOOL, TRUE, N_("Required") },
  { "form", CIVIC_GUIDE_CHOICE, FALSE, N_("Form"), .choices = forms },
  { "source", CIVIC_GUIDE_CHOICE, FALSE, N_("Source"), .choices = sources },
  { "source_explanation", CIVIC_GUIDE_TEXT, FALSE, N_("Where It Comes From"), 0, GUIDE_TEXT_MAX },
  { "originals", CIVIC_GUIDE_INT, FALSE, N_("Originals"), 0, 99 },
  { "copies", CIVIC_GUIDE_INT, FALSE, N_("Copies"), 0, 99 },
  { "page_format", CIVIC_GUIDE_LINE, FALSE, N_("Paper Size"), 0, GUIDE_LINE_MAX },
  { "signature", CIVIC_GUIDE_LINE, FALSE, N_("Signature and Seal"), 0, GUIDE_LINE_MAX },
  { "standard", CIVIC_GUIDE_TEXT, FALSE, N_("Acceptance Standard"), 0, GUIDE_TEXT_MAX },
  { "basis", CIVIC_GUIDE_TEXT, FALSE, N_("Basis"), 0, GUIDE_TEXT_MAX },
  { "code", CIVIC_GUIDE_LINE, FALSE, N_("Material Code"), 0, 64 },
  { "sample", CIVIC_GUIDE_OBJECT, FALSE, N_("Sample"), .fields = file_fields },
  { "blank_form", CIVIC_GUIDE_OBJECT, FALSE, N_("Blank Form"), .fields = file_fields },
  { NULL }
};

static const CivicGuideField law_fields[] = {
  { "law", CIVIC_GUIDE_LINE, TRUE, N_("Law or Regulation"), 0, GUIDE_LINE_MAX },
  { "number", CIVIC_GUIDE_LINE, FALSE, N_("Document Number"), 0, GUIDE_LINE_MAX },
  { "clause", CIVIC_GUIDE_LINE, FALSE, N_("Clause"), 0, GUIDE_LINE_MAX },
  { "text", CIVIC_GUIDE_TEXT, FALSE, N_("Text"), 0, GUIDE_TEXT_MAX },
  { NULL }
};

static const CivicGuideField window_fields[] = {
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("Name"), 0, GUIDE_LINE_MAX },
  { "address", CIVIC_GUIDE_LINE, FALSE, N_("Address"), 0, GUIDE_LINE_MAX },
  { "hours", CIVIC_GUIDE_LINE, FALSE, N_("Hours"), 0, GUIDE_LINE_MAX },
  { "phone", CIVIC_GUIDE_LINE, FALSE, N_("Phone"), 0, 64 },
  { NULL }
};

static const CivicGuideField result_fields[] = {
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("Name"), 0, GUIDE_LINE_MAX },
  { "type", CIVIC_GUIDE_LINE, FALSE, N_("Type"), 0, GUIDE_LINE_MAX },
  { NULL }
};

static const CivicGuideField remedy_fields[] = {
  { "reconsideration_body", CIVIC_GUIDE_LINE, FALSE, N_("Reconsideration Body"), 0, GUIDE_LINE_MAX },
  { "court", CIVIC_GUIDE_LINE, FALSE, N_("Court"), 0, GUIDE_LINE_MAX },
  { "text", CIVIC_GUIDE_TEXT, FALSE, N_("Text"), 0, GUIDE_TEXT_MAX },
  { NULL }
};

static const CivicGuideField visit_fields[] = {
  { "count", CIVIC_GUIDE_INT, TRUE, N_("Visits"), 0, 10 },
  { "reason", CIVIC_GUIDE_TEXT, FALSE, N_("Why"), 0, GUIDE_TEXT_MAX },
  { NULL }
};

static const CivicGuideField contact_fields[] = {
  { "consultation", CIVIC_GUIDE_LINE, FALSE, N_("Consultation"), 0, GUIDE_LINE_MAX },
  { "supervision", CIVIC_GUIDE_LINE, FALSE, N_("Supervision"), 0, GUIDE_LINE_MAX },
  { NULL }
};

const CivicGuideField civic_item_guide_fields[] = {
  { "name", CIVIC_GUIDE_LINE, TRUE, N_("Name"), 0, GUIDE_LINE_MAX },
  { "type_code", CIVIC_GUIDE_CHOICE, TRUE, N_("Type"), .choices = type_codes },
  { "organ", CIVIC_GUIDE_OBJECT, FALSE, N_("Implementing Organ"), .fields = organ_fields },
  { "statutory", CIVIC_GUIDE_OBJECT, TRUE, N_("Statutory Limit"), .fields = limit_fields },
  { "statutory_basis", CIVIC_GUIDE_OBJECT, FALSE, N_("Basis of the Statutory Limit"),
    .fields = basis_fields },
  { "promised", CIVIC_GUIDE_OBJECT, FALSE, N_("Promised Limit"), .fields = limit_fields },
  { "track", CIVIC_GUIDE_CHOICE, FALSE, N_("Track"), .choices = tracks },
  { "joint_departments", CIVIC_GUIDE_STRINGS, FALSE, N_("Joint Departments"), 0, 64,
    .max_items = 20 },
  { "hearing_required", CIVIC_GUIDE_BOOL, FALSE, N_("Hearing Required") },
  { "special_procedures", CIVIC_GUIDE_LIST, FALSE, N_("Special Procedures"),
    .fields = special_fields, .max_items = 20 },
  { "fee", CIVIC_GUIDE_OBJECT, FALSE, N_("Fee"), .fields = fee_fields },
  { "materials", CIVIC_GUIDE_LIST, FALSE, N_("Materials"), .fields = material_fields,
    .max_items = CIVIC_ITEM_MATERIALS_MAX },
  { "legal_basis", CIVIC_GUIDE_LIST, FALSE, N_("Legal Basis"), .fields = law_fields,
    .max_items = 50 },
  { "conditions", CIVIC_GUIDE_TEXT, FALSE, N_("Acceptance Conditions"), 0, GUIDE_TEXT_MAX },
  { "review_standard", CIVIC_GUIDE_TEXT, FALSE, N_("Review Standard"), 0, GUIDE_TEXT_MAX },
  { "windows", CIVIC_GUIDE_LIST, FALSE, N_("Windows"), .fields = window_fields,
    .max_items = 20 },
  { "result", CIVIC_GUIDE_OBJECT, FALSE, N_("Result"), .fields = result_fields },
  { "remedies", CIVIC_GUIDE_OBJECT, FALSE, N_("Remedies"), .fields = remedy_fields },
  { "visits", CIVIC_GUIDE_OBJECT, FALSE, N_("Visits on Site"), .fields = visit_fields },
  { "contacts", CIVIC_GUIDE_OBJECT, FALSE, N_("Consultation and Supervision"),
    .fields = contact_fields },
  { "applicant_kinds", CIVIC_GUIDE_CHOICES, FALSE, N_("Who May Apply"),
    .choices = applicants, .max_items = 10 },
  { NULL }
};

/* The check */

static gboolean
invalid (GError     **error,
         GString     *path,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         GString     *path,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: "The guide is not valid: “materials[2].copies”: at most 99" */
  g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
               _("The guide is not valid: “%s”: %s"), path->str, what);
  return FALSE;
}

static const CivicGuideField *
find_field (const CivicGuideField *fields,
            const char            *name)
{
  for (guint i = 0; fields[i].name != NULL; i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

static gboolean is_id_char (char c) { return g_ascii_isalnum (c) || c == '-' || c == '_'; }

/* A text member: trimmed, and blank counts as absent (%NULL in @out) */
static gboolean
check_text (const CivicGuideField  *field,
            JsonNode               *value,
            GString                *path,
            char                  **out,
            GError                **error)
{
  const char *text;
  g_autofree char *trimmed = NULL;

  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return invalid (error, path, _("expected text"));
  text = json_node_get_string (value);
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, path, _("not UTF-8"));
  trimmed = g_strstrip (g_strdup (text));
  if (field->type != CIVIC_GUIDE_TEXT && strpbrk (trimmed, "\r\n") != NULL)
    return invalid (error, path, _("one line only"));
  if (field->max > 0 && g_utf8_strlen (trimmed, -1) > field->max)
    return invalid (error, path, _("at most %d characters"), (int) field->max);
  if (field->type == CIVIC_GUIDE_SHA256 && *trimmed != '\0')
    {
      if (strlen (trimmed) != 64)
        return invalid (error, path, _("a SHA-256 hash in hexadecimal"));
      for (const char *c = trimmed; *c != '\0'; c++)
        if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
          return invalid (error, path, _("a SHA-256 hash in hexadecimal"));
    }
  if (field->type == CIVIC_GUIDE_ID)
    for (const char *c = trimmed; *c != '\0'; c++)
      if (!is_id_char (*c))
        return invalid (error, path, _("letters, digits, “-” and “_” only"));
  if (field->choices != NULL && *trimmed != '\0' &&
      !g_strv_contains ((const char * const *) field->choices, trimmed))
    {
      g_autofree char *choices = g_strjoinv (", ", (char **) field->choices);

      return invalid (error, path, _("one of %s"), choices);
    }
  *out = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
  return TRUE;
}

static gboolean canonical_object (const CivicGuideField *fields,
                                  JsonNode              *node,
                                  GString               *path,
                                  JsonBuilder           *builder,
                                  GError               **error);

/* One member, into @builder; %TRUE and nothing written when it is absent
 * (blank text, an empty list) and not required */
static gboolean
canonical_member (const CivicGuideField  *field,
                  JsonNode               *value,
                  GString                *path,
                  JsonBuilder            *builder,
                  GError                **error)
{
  gsize length = path->len;
  gboolean absent = value == NULL || JSON_NODE_HOLDS_NULL (value);

  if (length > 0)
    g_string_append_c (path, '.');
  g_string_append (path, field->name);

  if (!absent)
    switch (field->type)
      {
      case CIVIC_GUIDE_LINE:
      case CIVIC_GUIDE_TEXT:
      case CIVIC_GUIDE_ID:
      case CIVIC_GUIDE_SHA256:
      case CIVIC_GUIDE_CHOICE:
        {
          g_autofree char *text = NULL;

          if (!check_text (field, value, path, &text, error))
            return FALSE;
          absent = text == NULL;
          if (!absent)
            civic_json_set_string (builder, field->name, text);
          break;
        }

      case CIVIC_GUIDE_INT:
        if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
          return invalid (error, path, _("expected a whole number"));
        if (json_node_get_int (value) < field->min || json_node_get_int (value) > field->max)
          return invalid (error, path, _("from %d to %d"), (int) field->min, (int) field->max);
        civic_json_set_int (builder, field->name, json_node_get_int (value));
        break;

      case CIVIC_GUIDE_BOOL:
        if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
          return invalid (error, path, _("expected true or false"));
        civic_json_set_bool (builder, field->name, json_node_get_boolean (value));
        break;

      case CIVIC_GUIDE_OBJECT:
        json_builder_set_member_name (builder, field->name);
        if (!canonical_object (field->fields, value, path, builder, error))
          return FALSE;
        break;

      case CIVIC_GUIDE_LIST:
      case CIVIC_GUIDE_STRINGS:
      case CIVIC_GUIDE_CHOICES:
        {
          g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
          JsonArray *array;
          guint n;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            return invalid (error, path, _("expected a list"));
          array = json_node_get_array (value);
          n = json_array_get_length (array);
          if (n > field->max_items)
            return invalid (error, path, _("at most %u"), field->max_items);
          absent = n == 0;
          if (absent)
            break;
          json_builder_set_member_name (builder, field->name);
          json_builder_begin_array (builder);
          for (guint i = 0; i < n; i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              gsize here = path->len;

              g_string_append_printf (path, "[%u]", i + 1);
              if (field->type == CIVIC_GUIDE_LIST)
                {
                  JsonObject *object;
                  const char *id;

                  if (!canonical_object (field->fields, element, path, builder, error))
                    return FALSE;
                  /* Materials are told apart by their ids */
                  /* (as kept: trimmed, so " m1" is m1) */
                  object = json_node_get_object (element);
                  id = find_field (field->fields, "id") != NULL
                       ? civic_json_lookup_string (object, "id", NULL) : NULL;
                  if (id != NULL)
                    {
                      g_autofree char *trimmed = g_strstrip (g_strdup (id));

                      if (g_hash_table_contains (seen, trimmed))
                        return invalid (error, path, _("the id “%s” is used twice"), trimmed);
                      g_hash_table_add (seen, g_steal_pointer (&trimmed));
                    }
                }
              else
                {
                  CivicGuideField one = *field;
                  g_autofree char *text = NULL;

                  one.type = field->type == CIVIC_GUIDE_CHOICES ? CIVIC_GUIDE_CHOICE
                                                                : CIVIC_GUIDE_LINE;
                  if (!check_text (&one, element, path, &text, error))
                    return FALSE;
                  if (text == NULL)
                    return invalid (error, path, _("empty"));
                  if (!g_hash_table_contains (seen, text))
                    json_builder_add_string_value (builder, text);
                  g_hash_table_add (seen, g_steal_pointer (&text));
                }
              g_string_truncate (path, here);
            }
          json_builder_end_array (builder);
          break;
        }
      }

  if (absent && field->required)
    return invalid (error, path, _("required"));
  g_string_truncate (path, length);
  return TRUE;
}

static gboolean
canonical_object (const CivicGuideField  *fields,
                  JsonNode               *node,
                  GString                *path,
                  JsonBuilder            *builder,
                  GError                **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, path, _("expected an object"));
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (find_field (fields, l->data) == NULL)
      {
        gsize length = path->len;

        if (length > 0)
          g_string_append_c (path, '.');
        g_string_append (path, l->data);
        return invalid (error, path, _("not a member of a guide"));
      }
  json_builder_begin_object (builder);
  for (guint i = 0; fields[i].name != NULL; i++)
    if (!canonical_member (&fields[i], json_object_get_member (object, fields[i].name), path,
                           builder, error))
      return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * civic_item_guide_canonicalize:
 * @guide: a guide as a client or a province's list gives it
 *
 * Checks every member of @guide against the shape and writes it again:
 * members in one order, text trimmed, blank text and empty lists left
 * out, a list of names without repeats.
 *
 * Returns: (transfer full) (nullable): the guide as it is kept; %NULL
 * with %CIVIC_ITEM_ERROR_INVALID naming the member at fault
 */
JsonNode *
civic_item_guide_canonicalize (JsonNode  *guide,
                               GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (guide != NULL)
    {
      text = civic_json_to_string (guide, FALSE);
      if (strlen (text) > CIVIC_ITEM_GUIDE_MAX_SIZE)
        {
          g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
                       _("The guide is larger than %d KiB"), CIVIC_ITEM_GUIDE_MAX_SIZE / 1024);
          return NULL;
        }
    }
  if (!canonical_object (civic_item_guide_fields, guide, path, builder, error))
    return NULL;
  return json_builder_get_root (builder);
}

/**
 * civic_item_guide_new:
 *
 * Returns: (transfer full): the guide of a new item: its name and type,
 * and a statutory limit in working days, for its editor to complete
 */
JsonNode *
civic_item_guide_new (const char *name,
                      const char *type_code,
                      int         statutory_days)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "name", name);
  civic_json_set_string (builder, "type_code", type_code);
  json_builder_set_member_name (builder, "statutory");
  json_builder_begin_object (builder);
  civic_json_set_int (builder, "days", statutory_days);
  civic_json_set_string (builder, "unit", "working-days");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reading a canonical guide */

const char *
civic_item_guide_get_name (JsonObject *guide)
{
  return civic_json_lookup_string (guide, "name", NULL);
}

const char *
civic_item_guide_get_type_code (JsonObject *guide)
{
  return civic_json_lookup_string (guide, "type_code", NULL);
}

static void
read_limit (JsonObject      *limit,
            CivicItemLimit  *out)
{
  out->days = limit != NULL ? (int) civic_json_lookup_int (limit, "days", 0) : 0;
  out->unit = limit != NULL &&
              g_strcmp0 (civic_json_lookup_string (limit, "unit", NULL), "calendar-days") == 0
              ? CIVIC_CLOCK_UNIT_CALENDAR_DAYS : CIVIC_CLOCK_UNIT_WORKING_DAYS;
  out->explanation = limit != NULL ? civic_json_lookup_string (limit, "explanation", NULL)
                                   : NULL;
}

/**
 * civic_item_guide_get_limits:
 * @promised: (out) (optional): days 0 when the organ promised none
 */
void
civic_item_guide_get_limits (JsonObject     *guide,
                             CivicItemLimit *statutory,
                             CivicItemLimit *promised)
{
  if (statutory != NULL)
    read_limit (civic_json_lookup_object (guide, "statutory"), statutory);
  if (promised != NULL)
    read_limit (civic_json_lookup_object (guide, "promised"), promised);
}

gboolean
civic_item_guide_is_joint (JsonObject *guide)
{
  return g_strcmp0 (civic_json_lookup_string (guide, "track", NULL), "joint") == 0;
}

/**
 * civic_item_guide_dup_legal_basis:
 *
 * Returns: (transfer full) (nullable): the legal basis as one line, the
 * laws and clauses joined: what a case and its documents cite
 */
char *
civic_item_guide_dup_legal_basis (JsonObject *guide)
{
  JsonArray *laws = json_object_has_member (guide, "legal_basis")
                    ? json_object_get_array_member (guide, "legal_basis") : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; laws != NULL && i < json_array_get_length (laws); i++)
    {
      JsonObject *law = civic_json_array_lookup_object (laws, i);
      const char *clause = civic_json_lookup_string (law, "clause", NULL);

      if (text->len > 0)
        /* Translators: between the laws an item is based on */
        g_string_append (text, _("; "));
      g_string_append (text, civic_json_lookup_string (law, "law", ""));
      if (clause != NULL)
        g_string_append (text, clause);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

JsonObject *
civic_item_guide_find_material (JsonObject *guide,
                                const char *material_id)
{
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;

  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    {
      JsonObject *material = civic_json_array_lookup_object (materials, i);

      if (g_strcmp0 (civic_json_lookup_string (material, "id", NULL), material_id) == 0)
        return material;
    }
  return NULL;
}

const char *
civic_item_file_role_member (CivicItemFileRole role)
{
  return role == CIVIC_ITEM_FILE_SAMPLE ? "sample" : "blank_form";
}

/**
 * civic_item_guide_collect_files:
 * @sha256s: (element-type utf8): gets the hash of every file the guide's
 *   materials offer, as strings it owns
 */
void
civic_item_guide_collect_files (JsonObject *guide,
                                GPtrArray  *sha256s)
{
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;

  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    {
      JsonObject *material = civic_json_array_lookup_object (materials, i);

      for (CivicItemFileRole role = CIVIC_ITEM_FILE_SAMPLE; role <= CIVIC_ITEM_FILE_BLANK_FORM;
           role++)
        {
          JsonObject *file = civic_json_lookup_object (material,
                                                       civic_item_file_role_member (role));
          const char *sha256 = file != NULL ? civic_json_lookup_string (file, "sha256", NULL)
                                            : NULL;

          if (sha256 != NULL)
            g_ptr_array_add (sha256s, g_strdup (sha256));
        }
    }
}
