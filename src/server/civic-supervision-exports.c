/* civic-supervision-exports.c — supervision's tables and lists as CSV and XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-supervision"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-privacy-lint.h"
#include "civic-supervision-exports.h"
#include "civic-supervision.h"

/* What a supervisor sees, as a file for a spreadsheet or a report: the
 * overview, a trend, the rates or a list, as the endpoints answered it
 * (civic-supervision-queries.c), one row per line, with headings in the
 * reader's language. Every text cell is passed through the privacy lint
 * and what it finds masked, whatever the table already masked: a file
 * leaves the service's control. The caller writes the export to the
 * audit log. */

typedef enum
{
  COLUMN_TEXT,
  COLUMN_INT,
  COLUMN_RATE,     /* 0–1, shown as a percentage */
  COLUMN_DECIMAL,
} ColumnKind;

typedef struct
{
  const char *member;
  const char *heading;  /* N_() */
  ColumnKind  kind;
} Column;

/* A table: its columns and rows of cells, texts masked */
typedef struct
{
  const Column *columns;
  guint         n_columns;
  GPtrArray    *rows;   /* GPtrArray of JsonNode (nullable) per cell */
} Table;

static const Column overview_columns[] = {
  { "department", N_("Department"), COLUMN_TEXT },
  { "type", N_("Kind"), COLUMN_TEXT },
  { "red", N_("Red"), COLUMN_INT },
  { "yellow", N_("Yellow"), COLUMN_INT },
  { "green", N_("Green"), COLUMN_INT },
  { "paused", N_("Paused"), COLUMN_INT },
};

static const Column trend_columns[] = {
  { "week", N_("Week of"), COLUMN_TEXT },
  { "opened", N_("Started"), COLUMN_INT },
  { "done", N_("Completed"), COLUMN_INT },
  { "late", N_("Completed Late"), COLUMN_INT },
  { "on_time_rate", N_("On-Time Rate"), COLUMN_RATE },
  { "average_days", N_("Average Working Days"), COLUMN_DECIMAL },
  { "overdue", N_("Went Overdue"), COLUMN_INT },
  { "deemed", N_("Deemed Accepted"), COLUMN_INT },
  { "extended", N_("Extended"), COLUMN_INT },
};

static const Column rates_columns[] = {
  { "key", N_("Code"), COLUMN_TEXT },
  { "name", N_("Name"), COLUMN_TEXT },
  { "opened", N_("Started"), COLUMN_INT },
  { "done", N_("Completed"), COLUMN_INT },
  { "late", N_("Completed Late"), COLUMN_INT },
  { "on_time_rate", N_("On-Time Rate"), COLUMN_RATE },
  { "average_days", N_("Average Working Days"), COLUMN_DECIMAL },
  { "overdue", N_("Went Overdue"), COLUMN_INT },
  { "deemed", N_("Deemed Accepted"), COLUMN_INT },
  { "extended", N_("Extended"), COLUMN_INT },
};

static const Column items_columns[] = {
  { "type", N_("Kind"), COLUMN_TEXT },
  { "title", N_("Record"), COLUMN_TEXT },
  { "department_id", N_("Department"), COLUMN_TEXT },
  { "subject", N_("Subject"), COLUMN_TEXT },
  { "status", N_("Status"), COLUMN_TEXT },
  { "due", N_("Due"), COLUMN_TEXT },
  { "opened_on", N_("Started On"), COLUMN_TEXT },
  { "done_on", N_("Completed On"), COLUMN_TEXT },
  { "overdue_on", N_("Overdue Since"), COLUMN_TEXT },
  { "days", N_("Working Days"), COLUMN_INT },
  { "id", N_("Identifier"), COLUMN_TEXT },
};

static void
row_free (gpointer row)
{
  g_ptr_array_unref (row);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static const char *
status_label (const char *status)
{
  int value;

  if (civic_enum_from_nick (CIVIC_TYPE_CLOCK_STATUS, status, &value))
    return civic_clock_status_get_label (value);
  return status;
}

/* Personal data a cell may hold, masked */
static JsonNode *
masked_text (CivicPrivacyLint *lint,
             const char       *text)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *masked = NULL;
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (text == NULL)
    {
      json_node_init_null (node);
      return node;
    }
  findings = civic_privacy_lint_scan (lint, text, -1);
  masked = findings->len > 0 ? civic_privacy_redact (text, -1, findings,
                                                     CIVIC_PRIVACY_SEVERITY_INFO, NULL)
                             : NULL;
  json_node_set_string (node, masked != NULL ? masked : text);
  return node;
}

static GPtrArray *
row_from (CivicPrivacyLint *lint,
          const Column     *columns,
          guint             n_columns,
          JsonObject       *object)
{
  GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint c = 0; c < n_columns; c++)
    {
      JsonNode *value = json_object_get_member (object, columns[c].member);

      if (columns[c].kind == COLUMN_TEXT)
        {
          const char *text = value != NULL && JSON_NODE_HOLDS_VALUE (value)
                             ? json_node_get_string (value) : NULL;

          if (g_str_equal (columns[c].member, "type"))
            text = civic_supervision_kind_name (text, FALSE);
          else if (g_str_equal (columns[c].member, "status"))
            text = status_label (text);
          g_ptr_array_add (row, masked_text (lint, text));
        }
      else
        g_ptr_array_add (row, value != NULL ? json_node_copy (value) : json_node_init_null (json_node_alloc ()));
    }
  return row;
}

static gboolean
read_table (const char  *what,
            JsonObject  *answer,
            Table       *table,
            GError     **error)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  JsonArray *array;

  table->rows = g_ptr_array_new_with_free_func (row_free);

  if (g_str_equal (what, "overview"))
    {
      table->columns = overview_columns;
      table->n_columns = G_N_ELEMENTS (overview_columns);
      array = json_object_get_array_member (answer, "departments");
      for (guint d = 0; d < json_array_get_length (array); d++)
        {
          JsonObject *department = json_array_get_object_element (array, d);
          JsonArray *kinds = json_object_get_array_member (department, "kinds");

          for (guint k = 0; k < json_array_get_length (kinds); k++)
            {
              g_autoptr(JsonObject) row = json_object_new ();
              JsonObject *counts = json_array_get_object_element (kinds, k);

              json_object_set_string_member (row, "department",
                                             json_object_get_string_member_with_default (department, "name", json_object_get_string_member (department, "id")));
              json_object_set_string_member (row, "type", json_object_get_string_member (counts, "type"));
              for (guint c = 2; c < G_N_ELEMENTS (overview_columns); c++)
                json_object_set_int_member (row, overview_columns[c].member,
                                            json_object_get_int_member (counts, overview_columns[c].member));
              g_ptr_array_add (table->rows, row_from (lint, table->columns, table->n_columns, row));
            }
        }
      return TRUE;
    }

  if (g_str_equal (what, "trend"))
    {
      table->columns = trend_columns;
      table->n_columns = G_N_ELEMENTS (trend_columns);
      array = json_object_get_array_member (answer, "weeks");
    }
  else if (g_str_equal (what, "rates"))
    {
      table->columns = rates_columns;
      table->n_columns = G_N_ELEMENTS (rates_columns);
      array = json_object_get_array_member (answer, "rows");
    }
  else if (g_str_equal (what, "items"))
    {
      table->columns = items_columns;
      table->n_columns = G_N_ELEMENTS (items_columns);
      array = json_object_get_array_member (answer, "items");
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No such table"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (table->rows, row_from (lint, table->columns, table->n_columns,
                                            json_array_get_object_element (array, i)));
  return TRUE;
}

/* RFC 4180, with a byte order mark so that a spreadsheet reads it as UTF-8;
 * a cell a spreadsheet would run as a formula is quoted with a ' first */
static void
append_csv_cell (GString    *out,
                 const char *text)
{
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';

  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
cell_text (const Column *column,
           JsonNode     *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  switch (column->kind)
    {
    case COLUMN_TEXT:
      return g_strdup (json_node_get_string (value));
    case COLUMN_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case COLUMN_RATE:
      return g_strdup_printf ("%.1f%%", json_node_get_double (value) * 100);
    case COLUMN_DECIMAL:
    default:
      return g_strdup_printf ("%.1f", json_node_get_double (value));
    }
}

static GBytes *
write_csv (const Table *table)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, _(table->columns[c].heading));
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *text = cell_text (&table->columns[c], g_ptr_array_index (row, c));

          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, text);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}

static GBytes *
write_xlsx (const Table  *table,
            const char   *title,
            GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold, *percent, *decimal;
  lxw_error status;
  gsize length;
  int fd;

  fd = g_file_open_tmp ("civicdesk-export-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_unlink (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The spreadsheet cannot be made"));
      return NULL;
    }
  sheet = workbook_add_worksheet (workbook, NULL);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  percent = workbook_add_format (workbook);
  format_set_num_format (percent, "0.0%");
  decimal = workbook_add_format (workbook);
  format_set_num_format (decimal, "0.0");
  workbook_set_properties (workbook, &(lxw_doc_properties) { .title = (char *) title,
                                                             .company = (char *) "Civic Desk" });

  for (guint c = 0; c < table->n_columns; c++)
    {
      worksheet_write_string (sheet, 0, c, _(table->columns[c].heading), bold);
      worksheet_set_column (sheet, c, c, table->columns[c].kind == COLUMN_TEXT ? 24 : 14, NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        {
          JsonNode *value = g_ptr_array_index (row, c);

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;
          switch (table->columns[c].kind)
            {
            case COLUMN_TEXT:
              worksheet_write_string (sheet, r + 1, c, json_node_get_string (value), NULL);
              break;
            case COLUMN_INT:
              worksheet_write_number (sheet, r + 1, c, json_node_get_int (value), NULL);
              break;
            case COLUMN_RATE:
              worksheet_write_number (sheet, r + 1, c, json_node_get_double (value), percent);
              break;
            case COLUMN_DECIMAL:
            default:
              worksheet_write_number (sheet, r + 1, c, json_node_get_double (value), decimal);
              break;
            }
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR || !g_file_get_contents (path, &contents, &length, error))
    {
      g_unlink (path);
      if (status != LXW_NO_ERROR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The spreadsheet cannot be made: %s"),
                     lxw_strerror (status));
      return NULL;
    }
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * civic_supervision_export:
 * @what: "overview", "trend", "rates" or "items"
 * @answer: what the endpoint answered
 * @format: "csv" or "xlsx"
 * @n_rows: (out): the rows written, for the audit log
 *
 * Returns: (transfer full): the file
 */
GBytes *
civic_supervision_export (const char  *what,
                          const char  *answer,
                          const char  *format,
                          guint       *n_rows,
                          GError     **error)
{
  g_autoptr(JsonNode) node = civic_json_parse (answer, -1, error);
  g_auto(Table) table = { 0, };
  g_autofree char *title = NULL;

  if (node == NULL || !read_table (what, json_node_get_object (node), &table, error))
    return NULL;
  *n_rows = table.rows->len;
  if (g_str_equal (format, "csv"))
    return write_csv (&table);
  title = g_strdup_printf ("Civic Desk — %s", what);
  return write_xlsx (&table, title, error);
}
