/* civic-documents.c — documents numbered, rendered, stored and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issuing a document is part of the command that issues it
 * (civic-commands.c): the case's rules add a draft, and before the case
 * is stored the service gives the draft what only it can — in the same
 * transaction:
 *
 *   - the next number of the department, kind and year (发文字号). The
 *     sequence is a row updated in the write transaction; SQLite has one
 *     writer, so two officials issuing at the same moment take 17 and 18,
 *     and a command that fails or is refused takes none: no gap, no
 *     duplicate. A command sent again after a lost answer is answered
 *     from the ledger and numbers nothing;
 *   - a verification code, the PDF rendered from the template
 *     (src/render) with the code and a QR code of the address that checks
 *     it, and the PDF's SHA-256;
 *   - the PDF stored sealed (it names the applicant: personal data is
 *     encrypted at rest), and an audit entry with the number and hash.
 *
 * A template that cannot be filled, a face not installed, a record
 * without what the document states: the command is refused with the
 * reason, and nothing is numbered or stored.
 *
 * Anyone holding the paper checks it with its code: who issued it, what
 * it is, when, and its hash; nothing about the applicant or the case.
 */

#define G_LOG_DOMAIN "civic-documents"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "civic-audit.h"
#include "civic-document-render.h"
#include "civic-disclosure-request.h"
#include "civic-documents.h"
#include "civic-template-records.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-i18n.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-message.h"
#include "civic-server-db.h"
#include "civic-time.h"

#define CIVIC_TEMPLATE_DIR_ENV "CIVICDESK_TEMPLATE_DIR"

G_DEFINE_QUARK (civic-documents-error-quark, civic_documents_error)

void
civic_issued_document_free (CivicIssuedDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->id);
  g_free (document->case_id);
  g_free (document->department_id);
  g_free (document->kind);
  g_free (document->number);
  g_free (document->code);
  g_free (document->sha256);
  g_free (document->title);
  g_free (document->issued_on);
  g_clear_pointer (&document->pdf, g_bytes_unref);
  g_free (document);
}

/* Templates */

/* The department's own, else everyone's */
static CivicDocumentTemplate *
find_template (CivicDb                *db,
               CivicDocumentKind       kind,
               CivicDocumentLanguage   language,
               const char             *department_id,
               GError                **error)
{
  const char *owners[] = { department_id, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autofree char *id = NULL;

      if (i == 0 && department_id == NULL)
        continue;
      id = civic_document_template_id (kind, language, owners[i]);
      {
        CivicDocumentTemplate *found = civic_template_records_find (db, id, error);

        if (found != NULL)
          return found;
      }
      if (error != NULL && *error != NULL)
        return NULL;
    }

  g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_NO_TEMPLATE,
               /* Translators: "No template for the Correction Notice in zh" */
               _("There is no template for the %s in “%s”: an administrator imports one with "
                 "“civicdesk-server template import”"),
               civic_document_kind_get_label (kind),
               civic_document_language_to_string (language));
  return NULL;
}

/* Stores one template as the feed's entity, a new revision of the one it
 * replaces */
static gboolean
put_template (CivicDb                     *db,
              const CivicDocumentTemplate *template,
              GError                     **error)
{
  return civic_template_records_put (db, template, error) != 0;
}

/**
 * civic_templates_import:
 * @root: a template, or an array of them (the files of data/templates)
 * @department_id: (nullable): makes them this department's own, whatever
 *   they say
 *
 * Checks every template first and stores them all in one transaction, or
 * none: an import with one bad template changes nothing.
 */
gboolean
civic_templates_import (CivicDb      *db,
                        JsonNode     *root,
                        const char   *department_id,
                        guint        *n_imported,
                        GError      **error)
{
  g_autoptr(GPtrArray) templates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_template_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = JSON_NODE_HOLDS_ARRAY (root) ? json_array_get_length (json_node_get_array (root)) : 1;

  if (department_id != NULL)
    {
      g_autoptr(JsonNode) department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT,
                                                                        department_id, NULL);
      if (department == NULL)
        {
          g_set_error (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_INVALID,
                       _("There is no department “%s”"), department_id);
          return FALSE;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = JSON_NODE_HOLDS_ARRAY (root)
                       ? json_array_get_element (json_node_get_array (root), i) : root;
      CivicDocumentTemplate *template = civic_document_template_new_from_json (node, error);
      g_autofree char *id = NULL;

      if (template == NULL)
        {
          g_prefix_error (error, _("Template %u: "), i + 1);
          return FALSE;
        }
      g_ptr_array_add (templates, template);
      if (department_id != NULL)
        {
          g_free (template->department_id);
          template->department_id = g_strdup (department_id);
        }
      id = civic_document_template_id (template->kind, template->language,
                                       template->department_id);
      if (!g_hash_table_add (seen, g_steal_pointer (&id)))
        {
          g_set_error (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_INVALID,
                       _("Template %u: a second template for the %s in “%s”"), i + 1,
                       civic_document_kind_get_label (template->kind),
                       civic_document_language_to_string (template->language));
          return FALSE;
        }
    }

  if (!civic_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < templates->len; i++)
    if (!put_template (db, g_ptr_array_index (templates, i), error))
      {
        civic_db_rollback (db);
        return FALSE;
      }
  if (!civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      return FALSE;
    }

  if (n_imported != NULL)
    *n_imported = templates->len;
  return TRUE;
}

gboolean
civic_templates_import_file (CivicDb      *db,
                             const char   *path,
                             const char   *department_id,
                             guint        *n_imported,
                             GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_mapped_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (!civic_templates_import (db, json_parser_get_root (parser), department_id, n_imported,
                               error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

/**
 * civic_templates_bundled_dir:
 *
 * Returns: (transfer full): where the templates that come with Civic Desk
 * are: $CIVICDESK_TEMPLATE_DIR, the installed ones, or the source tree's
 */
char *
civic_templates_bundled_dir (void)
{
  const char *dir = g_getenv (CIVIC_TEMPLATE_DIR_ENV);
  g_autofree char *installed = g_build_filename (PKGDATADIR, "templates", NULL);

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_strdup (SOURCE_TEMPLATEDIR);
}

/**
 * civic_templates_import_defaults:
 *
 * Imports the templates that come with Civic Desk (every documents-*.json
 * of civic_templates_bundled_dir()), each kind in each language.
 */
gboolean
civic_templates_import_defaults (CivicDb      *db,
                                 GError      **error)
{
  g_autofree char *dir = civic_templates_bundled_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "documents-") && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  for (guint i = 0; i < names->len; i++)
    if (!civic_templates_import_file (db, g_ptr_array_index (names, i), NULL, NULL, error))
      return FALSE;
  return TRUE;
}

/**
 * civic_templates_import_new_defaults:
 * @n_imported: (out) (optional): how many were missing
 *
 * Imports the templates that come with Civic Desk of each kind and
 * language the service has none of everyone's for: a service made before
 * a kind of document existed gets its template when it is upgraded,
 * and an administrator's own are never replaced.
 */
gboolean
civic_templates_import_new_defaults (CivicDb      *db,
                                     guint        *n_imported,
                                     GError      **error)
{
  g_autofree char *dir = civic_templates_bundled_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) missing =
    g_ptr_array_new_with_free_func ((GDestroyNotify) civic_document_template_free);
  const char *name;

  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;

      if (!g_str_has_prefix (name, "documents-") || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      parser = json_parser_new ();
      if (!json_parser_load_from_mapped_file (parser, path, error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
      root = json_parser_get_root (parser);
      for (guint i = 0; JSON_NODE_HOLDS_ARRAY (root) && i < json_array_get_length (json_node_get_array (root)); i++)
        {
          g_autoptr(CivicDocumentTemplate) template =
            civic_document_template_new_from_json (json_array_get_element (json_node_get_array (root), i),
                                                   error);
          g_autofree char *id = NULL;
          g_autoptr(CivicDocumentTemplate) stored = NULL;

          if (template == NULL)
            {
              g_prefix_error (error, "%s: ", path);
              return FALSE;
            }
          id = civic_document_template_id (template->kind, template->language, NULL);
          stored = civic_template_records_find (db, id, error);
          if (stored == NULL && error != NULL && *error != NULL)
            return FALSE;
          if (stored == NULL && template->department_id == NULL)
            g_ptr_array_add (missing, g_steal_pointer (&template));
        }
    }

  if (missing->len > 0)
    {
      if (!civic_db_begin (db, error))
        return FALSE;
      for (guint i = 0; i < missing->len; i++)
        if (!put_template (db, g_ptr_array_index (missing, i), error))
          {
            civic_db_rollback (db);
            return FALSE;
          }
      if (!civic_db_commit (db, error))
        {
          civic_db_rollback (db);
          return FALSE;
        }
    }
  if (n_imported != NULL)
    *n_imported = missing->len;
  return TRUE;
}

/**
 * civic_templates_list:
 *
 * Returns: (transfer full) (element-type utf8): the id and revision of
 * every document template, "document/correction-notice/zh 1"
 */
GPtrArray *
civic_templates_list (CivicDb      *db,
                      GError      **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, rev FROM entity WHERE type = ? AND id LIKE "
                               "'document/%' AND deleted = 0 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, CIVIC_ENTITY_DOCUMENT_TEMPLATE);
  while (civic_db_step (db, stmt, &row, error) && row)
    g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                             civic_db_column_text (stmt, 0),
                                             (gint64) civic_db_column_int64 (stmt, 1)));
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&lines);
}

/* Issuing */

static gint64
next_sequence (CivicDb      *db,
               const char   *department_id,
               const char   *kind,
               int           year,
               GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;
  gint64 last = 0;

  stmt = civic_db_prepare (db, "SELECT last FROM document_sequence "
                               "WHERE department_id = ? AND kind = ? AND year = ?", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_text (stmt, 2, kind);
  civic_db_bind_int (stmt, 3, year);
  if (!civic_db_step (db, stmt, &row, error))
    return 0;
  if (row)
    last = civic_db_column_int64 (stmt, 0);
  civic_db_reset (stmt);
  return last + 1;
}

static gboolean
code_is_taken (CivicDb      *db,
               const char   *code,
               gboolean     *taken,
               GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT 1 FROM document WHERE code = ?", error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, code);
  if (!civic_db_step (db, stmt, taken, error))
    return FALSE;
  civic_db_reset (stmt);
  return TRUE;
}

static gboolean
number_is_taken (CivicDb      *db,
                 const char   *number,
                 gboolean     *taken,
                 GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT 1 FROM document WHERE number = ?", error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, number);
  if (!civic_db_step (db, stmt, taken, error))
    return FALSE;
  civic_db_reset (stmt);
  return TRUE;
}

static char *
new_code (CivicDb      *db,
          GError      **error)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      guint8 random[8];
      g_autofree char *code = NULL;
      gboolean taken = FALSE;

      randombytes_buf (random, sizeof random);
      code = civic_document_make_code (random, sizeof random);
      if (!code_is_taken (db, code, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&code);
    }
  g_set_error_literal (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_INVALID,
                       "no free verification code");
  return NULL;
}

static char *
sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
store_document (CivicDb                 *db,
                const char              *department_id,
                const char              *case_id,
                const CivicCaseDocument *document,
                const char              *kind,
                int                      year,
                gint64                   sequence,
                const char              *number,
                const char              *code,
                const char              *title,
                const char              *sha256,
                GBytes                  *pdf,
                GError                 **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *encoded = g_base64_encode (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autofree char *sealed = civic_keyring_seal (keyring, encoded);
  g_autofree char *issued_on = civic_day_format (document->issued_on);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO document_sequence (department_id, kind, year, last) "
                               "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (department_id, kind, year) "
                               "DO UPDATE SET last = excluded.last", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, department_id);
  civic_db_bind_text (stmt, 2, kind);
  civic_db_bind_int (stmt, 3, year);
  civic_db_bind_int64 (stmt, 4, sequence);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  stmt = civic_db_prepare (db, "INSERT INTO document (id, case_id, department_id, kind, year, "
                               "  sequence, number, code, title, sha256, size, issued_on, "
                               "  issued_by) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, document->id);
  civic_db_bind_text (stmt, 2, case_id);
  civic_db_bind_text (stmt, 3, department_id);
  civic_db_bind_text (stmt, 4, kind);
  civic_db_bind_int (stmt, 5, year);
  civic_db_bind_int64 (stmt, 6, sequence);
  civic_db_bind_text (stmt, 7, number);
  civic_db_bind_text (stmt, 8, code);
  civic_db_bind_text (stmt, 9, title);
  civic_db_bind_text (stmt, 10, sha256);
  civic_db_bind_int64 (stmt, 11, g_bytes_get_size (pdf));
  civic_db_bind_text (stmt, 12, issued_on);
  civic_db_bind_text (stmt, 13, document->by_id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  stmt = civic_db_prepare (db, "INSERT INTO document_pdf (id, sealed) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, document->id);
  civic_db_bind_text (stmt, 2, sealed);
  return civic_db_run (db, stmt, error);
}

static char *
audit_detail (const char *case_id,
              const char *number,
              const char *sha256)
{
  g_autoptr(GString) out = g_string_new ("{\"case\":");

  civic_json_append_string (out, case_id);
  g_string_append (out, ",\"number\":");
  civic_json_append_string (out, number);
  g_string_append (out, ",\"sha256\":");
  civic_json_append_string (out, sha256);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What a document is issued for: a case, or a hearing filed with its
 * first case; the words its template is filled with come from it */
typedef GHashTable *(*ValuesFunc) (gpointer                 record,
                                   const CivicCaseDocument *numbered,
                                   JsonObject              *department,
                                   gpointer                 data,
                                   GError                 **error);

typedef struct
{
  const char *department_id;
  const char *case_id;
  ValuesFunc  values;
  gpointer    record;
  gpointer    data;
} Holder;

/* What the issuing gave the document */
typedef struct
{
  char   *title;
  char   *number;
  char   *code;
  char   *sha256;
  gint64  size;
} Issued;

static void
issued_clear (Issued *issued)
{
  g_free (issued->title);
  g_free (issued->number);
  g_free (issued->code);
  g_free (issued->sha256);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Issued, issued_clear)

static gboolean
issue (CivicDb                 *db,
       GDateTime               *now,
       const char              *public_url,
       const Holder            *holder,
       const CivicCaseDocument *document,
       Issued                  *issued,
       GError                 **error)
{
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(CivicDocumentTemplate) template = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(CivicDocumentText) text = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *detail = NULL;
  const char *kind = civic_document_kind_to_string (document->kind);
  const char *mark;
  int year = civic_day_get_year (document->issued_on);
  gint64 sequence;

  department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, holder->department_id,
                                                error);
  if (department == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                     _("The case’s department is not in the directory"));
      return FALSE;
    }
  mark = civic_json_lookup_string (json_node_get_object (department), "document_mark", NULL);
  if (mark == NULL || *mark == '\0')
    {
      g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                   _("The department has no mark for its document numbers (the “湘市监” of "
                     "湘市监许〔2026〕1号): an administrator sets its “document_mark”"));
      return FALSE;
    }

  template = find_template (db, document->kind, document->language, holder->department_id, error);
  if (template == NULL)
    return FALSE;

  sequence = next_sequence (db, holder->department_id, kind, year, error);
  if (sequence == 0)
    return FALSE;
  number = civic_document_format_number (mark, template->mark, year, sequence);
  /* Two kinds, or two departments, with the same marks would print the
   * same number on two documents */
  {
    gboolean taken = FALSE;

    if (!number_is_taken (db, number, &taken, error))
      return FALSE;
    if (taken)
      {
        g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_TEMPLATE,
                     _("The number %s is already another document’s: each kind of a "
                       "department needs a mark of its own"), number);
        return FALSE;
      }
  }
  code = new_code (db, error);
  if (code == NULL)
    return FALSE;

  /* The number goes into the text: the values see it */
  {
    CivicCaseDocument numbered = *document;

    numbered.number = number;
    values = holder->values (holder->record, &numbered, json_node_get_object (department),
                             holder->data, error);
  }
  if (values == NULL)
    return FALSE;
  text = civic_document_template_fill (template, values, error);
  if (text == NULL)
    return FALSE;
  text->number = g_strdup (number);
  text->code = g_strdup (code);
  text->verify_url = g_strdup_printf ("%s/public/v1/documents/%s", public_url ? public_url : "",
                                      code);

  pdf = civic_document_render_pdf (text, NULL, error);
  if (pdf == NULL)
    return FALSE;
  sha256 = sha256_hex (pdf);

  if (!store_document (db, holder->department_id, holder->case_id, document, kind, year, sequence,
                       number, code, text->title, sha256, pdf, error))
    return FALSE;

  detail = audit_detail (holder->case_id, number, sha256);
  if (!civic_audit_append (db, now, document->by_id, "issue-document", document->id, detail, NULL,
                           error))
    return FALSE;

  issued->title = g_strdup (text->title);
  issued->number = g_steal_pointer (&number);
  issued->code = g_steal_pointer (&code);
  issued->sha256 = g_steal_pointer (&sha256);
  issued->size = g_bytes_get_size (pdf);
  return TRUE;
}

static GHashTable *
case_values (gpointer                 record,
             const CivicCaseDocument *numbered,
             JsonObject              *department,
             gpointer                 data,
             GError                 **error)
{
  return civic_case_document_values (CIVIC_CASE (record), numbered, department, data, error);
}

static GHashTable *
hearing_values (gpointer                 record,
                const CivicCaseDocument *numbered,
                JsonObject              *department,
                gpointer                 data,
                GError                 **error)
{
  return civic_hearing_document_values (CIVIC_HEARING (record), numbered, department, data, error);
}

/**
 * civic_documents_issue_drafts:
 * @public_url: where the service answers the public, for the QR code
 * @kase: a case a command just changed, personal data unsealed
 *
 * Numbers, renders and stores each draft document of @kase, inside the
 * command's transaction. A refusal (a template that cannot be filled, a
 * face not installed) is an error of %CIVIC_DOCUMENT_ERROR or
 * %CIVIC_TEMPLATE_ERROR; anything else is the database's.
 */
gboolean
civic_documents_issue_drafts (CivicDb        *db,
                              CivicCalendar  *calendar,
                              GDateTime      *now,
                              const char     *public_url,
                              CivicCase      *kase,
                              GError        **error)
{
  GPtrArray *documents = civic_case_get_documents (kase);
  Holder holder = { civic_case_get_department_id (kase), civic_case_get_id (kase), case_values,
                    kase, calendar };

  for (guint i = 0; i < documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (documents, i);
      g_auto(Issued) issued = { 0 };

      if (!civic_case_document_is_draft (document))
        continue;
      if (!issue (db, now, public_url, &holder, document, &issued, error))
        return FALSE;
      civic_case_set_document_issued (kase, document->id, issued.title, issued.number, issued.code,
                                      issued.sha256, issued.size);
    }
  return TRUE;
}

/**
 * civic_documents_issue_hearing_drafts:
 * @hearing: a hearing a command just changed, its parties unsealed
 *
 * Numbers, renders and stores each draft document of @hearing (its
 * notices, its announcement, its record), filed with the first case it
 * serves, inside the command's transaction.
 */
gboolean
civic_documents_issue_hearing_drafts (CivicDb        *db,
                                      GDateTime      *now,
                                      const char     *public_url,
                                      CivicHearing   *hearing,
                                      GError        **error)
{
  GPtrArray *documents = civic_hearing_get_documents (hearing);
  g_autoptr(JsonNode) room = NULL;
  Holder holder = { civic_hearing_get_department_id (hearing), civic_hearing_get_case_id (hearing),
                    hearing_values, hearing, NULL };

  if (civic_hearing_get_room_id (hearing) != NULL)
    {
      room = civic_server_db_get_entity_json (db, CIVIC_ENTITY_ROOM,
                                              civic_hearing_get_room_id (hearing), error);
      if (room == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (room != NULL && JSON_NODE_HOLDS_OBJECT (room))
        holder.data = json_node_get_object (room);
    }

  for (guint i = 0; i < documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (documents, i);
      g_auto(Issued) issued = { 0 };

      if (!civic_case_document_is_draft (document))
        continue;
      if (!issue (db, now, public_url, &holder, document, &issued, error))
        return FALSE;
      civic_hearing_set_document_issued (hearing, document->id, issued.title, issued.number,
                                         issued.code, issued.sha256, issued.size);
    }
  return TRUE;
}

static GHashTable *
request_values (gpointer                 record,
                const CivicCaseDocument *numbered,
                JsonObject              *department,
                gpointer                 data,
                GError                 **error)
{
  return civic_disclosure_request_document_values (CIVIC_DISCLOSURE_REQUEST (record), numbered,
                                                   department, data, error);
}

/* What the request lists of a document issued for it: what the official
 * prints it by and checks it against */
static void
file_with_request (CivicDisclosureRequest  *request,
                   const CivicCaseDocument *document,
                   const Issued            *issued)
{
  CivicCaseDocument filed = *document;

  filed.title = issued->title;
  filed.number = issued->number;
  filed.code = issued->code;
  filed.sha256 = issued->sha256;
  filed.size = issued->size;
  civic_disclosure_request_add_document (request, &filed);
}

/* With a reply that discloses over a third party's objection, the notice
 * to each such party (Art. 32), signed as the reply is, numbered after it,
 * under the reply's id and the consultation's number */
static gboolean
issue_overriding_notices (CivicDb                  *db,
                          GDateTime                *now,
                          const char               *public_url,
                          const Holder             *holder,
                          CivicDisclosureRequest   *request,
                          const CivicCaseDocument  *reply,
                          GError                  **error)
{
  g_autoptr(GArray) overridden = civic_disclosure_request_list_overridden (request);

  for (guint i = 0; i < overridden->len; i++)
    {
      guint number = g_array_index (overridden, guint, i);
      g_autofree char *id = g_strdup_printf ("%s-notice-%u", reply->id, number);
      CivicCaseDocument notice = *reply;
      g_auto(Issued) issued = { 0 };

      notice.id = id;
      notice.kind = CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE;
      notice.round = (int) number;
      notice.number = NULL;
      if (!issue (db, now, public_url, holder, &notice, &issued, error))
        return FALSE;
      civic_disclosure_request_set_document_id (request, notice.kind, number, id);
      file_with_request (request, &notice, &issued);
    }
  return TRUE;
}

/**
 * civic_documents_issue_disclosure_request_document:
 * @request: a request a command just changed, its applicant unsealed
 * @action: the #CivicDisclosureRequestAction applied
 * @id: the document's id: the id of the command
 *
 * Numbers, renders and stores in Chinese the document the law ties to
 * @action — the correction notice (Art. 30), the extension notice
 * (Art. 33), a consultation letter (Arts. 32, 34) or the reply (Art. 36)
 * — filed with the request, inside the command's transaction, and notes
 * its id on the step it belongs to. An action that calls for no document
 * issues none.
 */
gboolean
civic_documents_issue_disclosure_request_document (CivicDb                 *db,
                                                   CivicCalendar           *calendar,
                                                   GDateTime               *now,
                                                   const char              *public_url,
                                                   CivicDisclosureRequest  *request,
                                                   guint                    action,
                                                   const char              *id,
                                                   GError                 **error)
{
  Holder holder = { civic_disclosure_request_get_department_id (request),
                    civic_disclosure_request_get_id (request), request_values, request, calendar };
  CivicCaseDocument document = { 0 };
  g_auto(Issued) issued = { 0 };
  CivicDocumentKind kind;
  guint consultation = 0;

  if (!civic_disclosure_request_document_for_action (request, action, &kind, &consultation))
    return TRUE;

  document.id = (char *) id;
  document.kind = kind;
  document.language = CIVIC_DOCUMENT_LANGUAGE_ZH;
  document.round = (int) consultation;
  document.issued_on = civic_time_day_of (now);
  document.at = now;
  /* Who signed the step the document is for */
  switch (kind)
    {
    case CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE:
      document.by_id = civic_disclosure_request_get_correction (request)->by_id;
      document.by_name = civic_disclosure_request_get_correction (request)->by_name;
      break;
    case CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE:
      document.by_id = civic_disclosure_request_get_extension (request)->approved_by_id;
      document.by_name = civic_disclosure_request_get_extension (request)->approved_by_name;
      break;
    case CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER:
    case CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER:
      {
        GPtrArray *letters = civic_disclosure_request_get_consultations (request);
        const CivicDisclosureConsultation *letter = g_ptr_array_index (letters, consultation - 1);

        document.by_id = letter->by_id;
        document.by_name = letter->by_name;
      }
      break;
    default:
      document.by_id = (char *) civic_disclosure_request_get_replied_by_id (request);
      document.by_name = (char *) civic_disclosure_request_get_replied_by_name (request);
      break;
    }
  if (!issue (db, now, public_url, &holder, &document, &issued, error))
    return FALSE;
  civic_disclosure_request_set_document_id (request, kind, consultation, id);
  file_with_request (request, &document, &issued);
  if (kind == CIVIC_DOCUMENT_DISCLOSURE_REPLY)
    return issue_overriding_notices (db, now, public_url, &holder, request, &document, error);
  return TRUE;
}

static GHashTable *
message_values (gpointer                 record,
                const CivicCaseDocument *numbered,
                JsonObject              *department,
                gpointer                 data,
                GError                 **error)
{
  return civic_message_document_values (CIVIC_MESSAGE (record), numbered, department, error);
}

/**
 * civic_documents_issue_message_reply:
 * @message: a message whose reply just went out, its citizen unsealed
 * @reply: that reply
 * @id: the document's id: the id of the command that sent the reply
 *
 * Numbers, renders and stores in Chinese the written reply (答复意见书)
 * to a message that came by letter or by mail, filed with the message,
 * inside the command's transaction: the paper the post takes, or the PDF
 * the mailed answer carries. A message that came another way, or from
 * someone anonymous, is answered where it came in, and gets none.
 */
gboolean
civic_documents_issue_message_reply (CivicDb                  *db,
                                     GDateTime                *now,
                                     const char               *public_url,
                                     CivicMessage             *message,
                                     const CivicMessageReply  *reply,
                                     const char               *id,
                                     GError                  **error)
{
  Holder holder = { civic_message_get_department_id (message), civic_message_get_id (message),
                    message_values, message, NULL };
  CivicMessageChannel channel = civic_message_get_channel (message);
  CivicCaseDocument document = { 0 };
  g_auto(Issued) issued = { 0 };

  if ((channel != CIVIC_MESSAGE_CHANNEL_EMAIL && channel != CIVIC_MESSAGE_CHANNEL_LETTER) ||
      civic_message_get_citizen (message)->anonymous || holder.department_id == NULL ||
      civic_message_find_reply_document (message, reply->number) != NULL)
    return TRUE;

  document.id = (char *) id;
  document.kind = CIVIC_DOCUMENT_MESSAGE_REPLY;
  document.language = CIVIC_DOCUMENT_LANGUAGE_ZH;
  document.round = (int) reply->number;
  document.issued_on = civic_time_day_of (now);
  document.at = now;
  document.by_id = reply->by_id;
  document.by_name = reply->by_name;
  if (!issue (db, now, public_url, &holder, &document, &issued, error))
    return FALSE;
  document.title = issued.title;
  document.number = issued.number;
  document.code = issued.code;
  document.sha256 = issued.sha256;
  document.size = issued.size;
  civic_message_add_document (message, &document);
  return TRUE;
}

/* Reading */

/**
 * civic_documents_load:
 * @id: (nullable): the document's id
 * @code: (nullable): or its verification code
 * @with_pdf: unseal the PDF too
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 * %CIVIC_DOCUMENTS_ERROR_NOT_FOUND
 */
CivicIssuedDocument *
civic_documents_load (CivicDb      *db,
                      const char   *id,
                      const char   *code,
                      gboolean      with_pdf,
                      GError      **error)
{
  g_autoptr(CivicIssuedDocument) document = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  /* The PDF, sealed, only when it is wanted: a public check reads none */
  static const char * const queries[2][2] = {
    { "SELECT d.id, d.case_id, d.department_id, d.kind, d.number, d.code, d.sha256, d.title, "
      "  d.issued_on FROM document d WHERE d.id = ?",
      "SELECT d.id, d.case_id, d.department_id, d.kind, d.number, d.code, d.sha256, d.title, "
      "  d.issued_on FROM document d WHERE d.code = ?" },
    { "SELECT d.id, d.case_id, d.department_id, d.kind, d.number, d.code, d.sha256, d.title, "
      "  d.issued_on, p.sealed FROM document d JOIN document_pdf p ON p.id = d.id WHERE d.id = ?",
      "SELECT d.id, d.case_id, d.department_id, d.kind, d.number, d.code, d.sha256, d.title, "
      "  d.issued_on, p.sealed FROM document d JOIN document_pdf p ON p.id = d.id "
      "WHERE d.code = ?" },
  };

  stmt = civic_db_prepare (db, queries[with_pdf ? 1 : 0][id != NULL ? 0 : 1], error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id != NULL ? id : code);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error_literal (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_NOT_FOUND,
                           _("No document has this verification code"));
      return NULL;
    }

  document = g_new0 (CivicIssuedDocument, 1);
  document->id = g_strdup (civic_db_column_text (stmt, 0));
  document->case_id = g_strdup (civic_db_column_text (stmt, 1));
  document->department_id = g_strdup (civic_db_column_text (stmt, 2));
  document->kind = g_strdup (civic_db_column_text (stmt, 3));
  document->number = g_strdup (civic_db_column_text (stmt, 4));
  document->code = g_strdup (civic_db_column_text (stmt, 5));
  document->sha256 = g_strdup (civic_db_column_text (stmt, 6));
  document->title = g_strdup (civic_db_column_text (stmt, 7));
  document->issued_on = g_strdup (civic_db_column_text (stmt, 8));
  if (with_pdf)
    {
      CivicKeyring *keyring = civic_server_db_get_keyring (db);
      g_autofree char *encoded = civic_keyring_unseal (keyring, civic_db_column_text (stmt, 9),
                                                       error);
      gsize length = 0;
      guchar *data;

      civic_db_reset (stmt);
      if (encoded == NULL)
        return NULL;
      data = g_base64_decode (encoded, &length);
      document->pdf = g_bytes_new_take (data, length);
    }
  else
    civic_db_reset (stmt);

  return g_steal_pointer (&document);
}

/**
 * civic_documents_check_json:
 * @sha256: (nullable): the hash of the copy at hand, to compare
 *
 * What the public check of a document says: issued, by whom, what, when,
 * its hash — and nothing of the applicant or the case.
 *
 * Returns: (transfer full) (nullable): JSON, or %NULL with
 * %CIVIC_DOCUMENTS_ERROR_NOT_FOUND
 */
char *
civic_documents_check_json (CivicDb      *db,
                            const char   *code,
                            const char   *sha256,
                            GError      **error)
{
  g_autoptr(CivicIssuedDocument) document = NULL;
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *typed = civic_document_code_normalize (code);
  CivicDocumentKind kind;
  const char *issuer;

  /* As a person types it from paper: lower case, O for 0 */
  code = typed;
  if (!civic_document_code_is_valid (code))
    {
      g_set_error_literal (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_INVALID,
                           _("A verification code has three groups of four letters and figures: "
                             "7KQ2-M9XD-4TFA"));
      return NULL;
    }
  if (sha256 != NULL && (strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64))
    {
      g_set_error_literal (error, CIVIC_DOCUMENTS_ERROR, CIVIC_DOCUMENTS_ERROR_INVALID,
                           _("A SHA-256 hash is 64 lower-case hexadecimal digits"));
      return NULL;
    }

  document = civic_documents_load (db, NULL, code, FALSE, error);
  if (document == NULL)
    return NULL;
  department = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT,
                                                document->department_id, NULL);
  issuer = department ? civic_json_lookup_string (json_node_get_object (department), "name", NULL)
                      : NULL;

  out = g_string_new ("{\"code\":");
  civic_json_append_string (out, document->code);
  g_string_append (out, ",\"issued\":true,\"issuer\":");
  civic_json_append_string (out, issuer ? issuer : document->department_id);
  g_string_append (out, ",\"kind\":");
  civic_json_append_string (out, document->kind);
  g_string_append (out, ",\"kind_label\":");
  civic_json_append_string (out, civic_document_kind_from_string (document->kind, &kind)
                                 ? civic_document_kind_get_label (kind) : document->kind);
  g_string_append (out, ",\"number\":");
  civic_json_append_string (out, document->number);
  g_string_append (out, ",\"issued_on\":");
  civic_json_append_string (out, document->issued_on);
  g_string_append (out, ",\"sha256\":");
  civic_json_append_string (out, document->sha256);
  if (sha256 != NULL)
    g_string_append_printf (out, ",\"matches\":%s",
                            g_str_equal (sha256, document->sha256) ? "true" : "false");
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_documents_served_electronically:
 *
 * Whether @document reaches the applicant electronically: the case came
 * in through an electronic channel (the hall online, the app, WeChat), or
 * its service was recorded as electronic. A proof of service is the
 * hall's own record and is not served.
 */
gboolean
civic_documents_served_electronically (CivicCase               *kase,
                                       const CivicCaseDocument *document)
{
  const CivicService *service = civic_case_get_service (kase);
  CivicChannel channel = civic_case_get_channel (kase);

  if (document->kind == CIVIC_DOCUMENT_SERVICE_PROOF || document->number == NULL)
    return FALSE;
  if (service != NULL && service->method == CIVIC_SERVICE_ELECTRONIC)
    return TRUE;
  return channel == CIVIC_CHANNEL_ONLINE || channel == CIVIC_CHANNEL_MOBILE_APP ||
         channel == CIVIC_CHANNEL_WECHAT;
}

/**
 * civic_documents_for_applicant:
 *
 * Returns: (transfer full): the documents served on the applicant
 * electronically, for the public status by receipt: `[{title, number,
 * issued_on, code, sha256, href}]`
 */
JsonNode *
civic_documents_for_applicant (CivicDb     *db,
                               CivicCase   *kase,
                               const char  *receipt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *documents = civic_case_get_documents (kase);

  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    {
      CivicCaseDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *href = NULL;

      if (!civic_documents_served_electronically (kase, document))
        continue;
      href = g_strdup_printf ("/public/v1/applications/%s/documents/%s", receipt, document->code);
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "title", document->title);
      civic_json_set_string (builder, "kind", civic_document_kind_to_string (document->kind));
      civic_json_set_string (builder, "number", document->number);
      civic_json_set_day (builder, "issued_on", document->issued_on);
      civic_json_set_string (builder, "code", document->code);
      civic_json_set_string (builder, "sha256", document->sha256);
      civic_json_set_string (builder, "href", href);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
