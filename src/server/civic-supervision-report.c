/* civic-supervision-report.c — a period's e-supervision figures as a printable report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-supervision"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-document-render.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-supervision.h"
#include "civic-supervision-report.h"

/* A report (通报) of a department's, or every department's, clocks and
 * figures for a period, laid out as a formal document (GB/T 9704, the
 * documents of civic-document-render.c) for printing or filing: the
 * colours now by kind, the period's figures, the service items that took
 * longest, written from the same answers the endpoints give, in the
 * reader's language. Nothing in it names a person. */

static void
add_block (CivicDocumentText *text,
           CivicBlockStyle    style,
           char              *words)
{
  CivicDocumentBlock *block = g_new0 (CivicDocumentBlock, 1);

  block->style = style;
  block->text = words;
  g_ptr_array_add (text->blocks, block);
}

static gint64
member_int (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static double
average_days (JsonObject *row)
{
  return (double) member_int (row, "days") / (double) MAX (member_int (row, "done"), 1);
}

/* The longest first */
static int
compare_average_days (gconstpointer a,
                      gconstpointer b)
{
  double x = average_days (*(JsonObject **) a), y = average_days (*(JsonObject **) b);

  return x > y ? -1 : x < y ? 1 : 0;
}

/* The figures of the period, all kinds together */
static void
add_figures (CivicDocumentText *text,
             JsonObject        *by_type)
{
  JsonArray *rows = json_object_get_array_member (by_type, "rows");
  gint64 sums[7] = { 0, };
  static const char * const members[] = { "opened", "done", "late", "days", "overdue", "deemed",
                                          "extended" };

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    for (guint m = 0; m < G_N_ELEMENTS (members); m++)
      sums[m] += member_int (json_array_get_object_element (rows, i), members[m]);

  add_block (text, CIVIC_BLOCK_HEADING, g_strdup (_("The Period’s Figures")));
  add_block (text, CIVIC_BLOCK_FIELD,
             g_strdup_printf (_("Started: %" PRId64), sums[0]));
  add_block (text, CIVIC_BLOCK_FIELD,
             g_strdup_printf (_("Completed: %" PRId64 ", of which late: %" PRId64), sums[1],
                              sums[2]));
  if (sums[1] > 0)
    {
      add_block (text, CIVIC_BLOCK_FIELD,
                 g_strdup_printf (_("On-time rate: %.1f%%"),
                                  100.0 * (double) (sums[1] - sums[2]) / (double) sums[1]));
      add_block (text, CIVIC_BLOCK_FIELD,
                 g_strdup_printf (_("Average time taken: %.1f working days"),
                                  (double) sums[3] / (double) sums[1]));
    }
  add_block (text, CIVIC_BLOCK_FIELD, g_strdup_printf (_("Went overdue: %" PRId64), sums[4]));
  add_block (text, CIVIC_BLOCK_FIELD,
             g_strdup_printf (_("Applications deemed accepted: %" PRId64), sums[5]));
  add_block (text, CIVIC_BLOCK_FIELD, g_strdup_printf (_("Time limits extended: %" PRId64),
                                                       sums[6]));
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (member_int (row, "done") == 0)
        continue;
      /* Translators: one kind's figures in a report: "Licensing cases: 40 completed, 3 late" */
      add_block (text, CIVIC_BLOCK_FIELD,
                 g_strdup_printf (_("%s: %" PRId64 " completed, %" PRId64 " late"),
                                  civic_supervision_kind_name (
                                    json_object_get_string_member_with_default (row, "key", ""),
                                    TRUE),
                                  member_int (row, "done"), member_int (row, "late")));
    }
}

/* The report of @department_name (or of every department when %NULL),
 * issued by @organ, written from what the overview, the rates by type and
 * the licensing cases' rates by service item answered */
static CivicDocumentText *
report_text (const char            *organ,
             const char            *department_name,
             CivicDay               from,
             CivicDay               to,
             CivicDay               today,
             CivicDocumentLanguage  language,
             JsonObject            *overview,
             JsonObject            *by_type,
             JsonObject            *by_item)
{
  CivicDocumentText *text = g_new0 (CivicDocumentText, 1);
  JsonObject *totals = json_object_get_object_member (overview, "totals");
  JsonArray *kinds = totals ? json_object_get_array_member (totals, "kinds") : NULL;
  JsonArray *items = json_object_get_array_member (by_item, "rows");
  g_autofree char *first = civic_document_format_date (from, language);
  g_autofree char *last = civic_document_format_date (to, language);
  g_autofree char *as_of = civic_document_format_date (today, language);
  g_autoptr(GPtrArray) slow = g_ptr_array_new ();
  gboolean any = FALSE;

  text->language = language;
  text->organ = g_strdup (organ);
  text->title = g_strdup (_("E-Supervision Report"));
  /* Not an issued document, which the service numbers: in place of the
   * number, the day its figures are of */
  text->number = g_strdup_printf (_("Figures as of %s"), as_of);
  text->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_block_free);
  text->signature = g_strdup (organ);
  text->date = civic_document_format_date (today, language);

  add_block (text, CIVIC_BLOCK_ADDRESSEE,
             g_strdup_printf (_("%s:"), department_name ? department_name
                                                        : _("Every department of the hall")));
  /* Translators: the report's opening: the period, then the day its figures were read */
  add_block (text, CIVIC_BLOCK_PARAGRAPH,
             g_strdup_printf (_("This report gives the time limits watched by e-supervision from "
                                "%s to %s, as the records stood on %s: those running late or "
                                "about to, and what was done within the period."),
                              first, last, as_of));

  add_block (text, CIVIC_BLOCK_HEADING, g_strdup (_("Red and Yellow Now")));
  add_block (text, CIVIC_BLOCK_FIELD,
             g_strdup_printf (_("Overdue (red): %" PRId64 "; due soon (yellow): %" PRId64),
                              member_int (totals, "red"), member_int (totals, "yellow")));
  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      JsonObject *counts = json_array_get_object_element (kinds, i);

      if (member_int (counts, "red") + member_int (counts, "yellow") == 0)
        continue;
      any = TRUE;
      /* Translators: a kind's colours in a report: "Licensing cases: 3 red, 2 yellow" */
      add_block (text, CIVIC_BLOCK_FIELD,
                 g_strdup_printf (_("%s: %" PRId64 " red, %" PRId64 " yellow"),
                                  civic_supervision_kind_name (
                                    json_object_get_string_member_with_default (counts, "type", ""),
                                    TRUE),
                                  member_int (counts, "red"), member_int (counts, "yellow")));
    }
  if (!any)
    add_block (text, CIVIC_BLOCK_PARAGRAPH, g_strdup (_("Every time limit is being kept.")));

  add_figures (text, by_type);

  /* The five service items that took longest, on average */
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      if (member_int (row, "done") > 0)
        g_ptr_array_add (slow, row);
    }
  g_ptr_array_sort (slow, compare_average_days);
  if (slow->len > 0)
    add_block (text, CIVIC_BLOCK_HEADING, g_strdup (_("Service Items That Took Longest")));
  for (guint i = 0; i < MIN (slow->len, 5); i++)
    {
      JsonObject *row = g_ptr_array_index (slow, i);
      const char *key = json_object_get_string_member_with_default (row, "key", "");

      /* Translators: a service item and its average: "企业注销登记: 12.5 working days" */
      add_block (text, CIVIC_BLOCK_FIELD,
                 g_strdup_printf (_("%s: %.1f working days"),
                                  json_object_get_string_member_with_default (row, "name", key),
                                  average_days (row)));
    }

  add_block (text, CIVIC_BLOCK_NOTE,
             g_strdup (_("Counted by Civic Desk from the records of the hall; working days on "
                         "the State Council’s holiday notices.")));
  return text;
}

/* A department's name in the document's language: its English one when
 * it has one */
static char *
department_name (CivicDb                *db,
                 const char             *id,
                 CivicDocumentLanguage   language,
                 GError                **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *department;
  const char *name;

  if (id == NULL)
    return NULL;
  node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, id, error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (id);
  department = json_node_get_object (node);
  name = json_object_get_string_member_with_default (department, "name", id);
  if (language == CIVIC_DOCUMENT_LANGUAGE_EN)
    name = json_object_get_string_member_with_default (department, "name_en", name);
  return g_strdup (name);
}

/* A period's report of the department asked (or every one) as a formal
 * document in the reader's language, issued in the reader's department's
 * name (civic-supervision-report.c) */
/**
 * civic_supervision_report_pdf:
 * @n_pages: (out): its pages, for the audit log
 *
 * Returns: (transfer full): the period's report of the department @query
 * asks for (or of every one), in @language, issued in the name of
 * @actor's department, rendered
 */
GBytes *
civic_supervision_report_pdf (CivicDb                     *db,
                              const CivicSupervisionQuery *query,
                              const CivicActor            *actor,
                              CivicDay                     today,
                              CivicDocumentLanguage        language,
                              guint                       *n_pages,
                              GError                     **error)
{
  CivicSupervisionQuery by_type = *query, by_item = *query;
  g_autofree char *overview_text = NULL, *type_text = NULL, *item_text = NULL;
  g_autofree char *organ = NULL, *department = NULL;
  g_autoptr(JsonNode) overview = NULL, types = NULL, items = NULL;
  g_autoptr(CivicDocumentText) text = NULL;

  by_type.by = (char *) "type";
  by_type.type = NULL;
  by_item.by = (char *) "subject";
  by_item.type = (char *) CIVIC_ENTITY_CASE;
  overview_text = civic_supervision_overview (db, query, today, error);
  type_text = overview_text ? civic_supervision_rates (db, &by_type, error) : NULL;
  item_text = type_text ? civic_supervision_rates (db, &by_item, error) : NULL;
  if (item_text == NULL ||
      (overview = civic_json_parse (overview_text, -1, error)) == NULL ||
      (types = civic_json_parse (type_text, -1, error)) == NULL ||
      (items = civic_json_parse (item_text, -1, error)) == NULL)
    return NULL;
  organ = department_name (db, actor->department_id, language, error);
  department = department_name (db, query->department_id, language, error);
  text = report_text (organ ? organ : "", department, query->from,
                                        query->to + 6, today, language,
                                        json_node_get_object (overview),
                                        json_node_get_object (types),
                                        json_node_get_object (items));
  return civic_document_render_pdf (text, n_pages, error);
}
