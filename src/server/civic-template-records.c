/* civic-template-records.c — formal documents' templates as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-template-records"

#include "config.h"

#include <inttypes.h>

#include "civic-i18n.h"

#include "civic-json.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-template-record.h"
#include "civic-template-records.h"
#include "civic-workflow.h"

/* A template is an entity of its own type, `document-template`, which
 * every official receives (drafts are made offline from it) and the
 * documents the service issues are filled from (civic-documents.c).
 * `civicdesk-server template import` writes it here too; the commands of
 * civic-template-record.c edit it, copy the hall's for a department and
 * revert a department's own, which removes it from every client. */

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_DOCUMENT_TEMPLATE,
                                                              id, error);
  g_autoptr(JsonNode) node = NULL;
  CivicTemplateRecord *record;

  if (row == NULL)
    return NULL;
  if (row->deleted)
    {
      /* Reverted: made again at the next revision */
      record = civic_template_record_new (id);
      civic_template_record_set_rev (record, row->rev);
      return G_OBJECT (record);
    }
  node = civic_json_parse (row->data, -1, error);
  if (node == NULL)
    return NULL;
  record = civic_template_record_new_from_json (node, error);
  if (record == NULL)
    return NULL;
  civic_template_record_set_rev (record, row->rev);
  return G_OBJECT (record);
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);
  g_autoptr(JsonNode) node = NULL;

  if (civic_template_record_get_removed (self))
    return civic_server_db_delete_entity (db, CIVIC_ENTITY_DOCUMENT_TEMPLATE,
                                          civic_template_record_get_id (self),
                                          civic_template_record_get_rev (self), error);
  node = civic_template_record_to_json (self);
  return civic_server_db_put_entity (db, CIVIC_ENTITY_DOCUMENT_TEMPLATE,
                                     civic_template_record_get_id (self),
                                     civic_template_record_get_rev (self), node, NULL, error);
}

/* Every official reads the templates; administrators change them. A
 * department's own is checked against the administrator's department by
 * the kind's rules. */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  if (action == CIVIC_TEMPLATE_ACTION_COPY &&
      civic_template_record_get_department_id (CIVIC_TEMPLATE_RECORD (record)) == NULL)
    {
      g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                           _("A department’s own template is made under its id: "
                             "document/<kind>/<language>/<department>"));
      return FALSE;
    }
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN | CIVIC_ROLE_DEPARTMENT_ADMIN))
    return TRUE;
  g_set_error_literal (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                       _("Templates are run by the hall’s administrators and each department’s"));
  return FALSE;
}

const CivicRecordStore civic_template_store = {
  .kind = &civic_template_kind,
  .not_found = N_("There is no such template"),
  /* Translators: the template's revision now, then the one the official saw */
  .stale = N_("The template changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again"),
  .load = store_load,
  .save = store_save,
  .check_actor = store_check_actor,
};

/**
 * civic_template_records_put:
 *
 * Stores @tmpl as the next revision of its id (the command line's
 * import). Call inside a write transaction.
 *
 * Returns: the feed's sequence number, 0 on error
 */
gint64
civic_template_records_put (CivicDb                     *db,
                            const CivicDocumentTemplate *tmpl,
                            GError                     **error)
{
  g_autofree char *id = civic_document_template_id (tmpl->kind, tmpl->language,
                                                    tmpl->department_id);
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_DOCUMENT_TEMPLATE,
                                                              id, error);
  g_autoptr(CivicTemplateRecord) record = NULL;

  if (row == NULL && error != NULL && *error != NULL)
    return 0;
  record = civic_template_record_new_from_template (tmpl, row != NULL ? row->rev + 1 : 1);
  return store_save (db, G_OBJECT (record), NULL, CIVIC_DAY_INVALID, error);
}

/**
 * civic_template_records_find:
 *
 * Returns: (transfer full) (nullable): the template kept under @id, or
 * %NULL when there is none (or it was reverted), or on @error
 */
CivicDocumentTemplate *
civic_template_records_find (CivicDb      *db,
                             const char   *id,
                             GError      **error)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, CIVIC_ENTITY_DOCUMENT_TEMPLATE,
                                                              id, error);
  g_autoptr(JsonNode) node = NULL;

  if (row == NULL || row->deleted)
    return NULL;
  node = civic_json_parse (row->data, -1, error);
  return node != NULL ? civic_document_template_new_from_json (node, error) : NULL;
}

/**
 * civic_template_records_adopt_legacy:
 *
 * Moves, once, the templates a service kept before they were commands
 * (entities `template` named `document/…`) to their own type, and lets
 * every client drop the old ones. Runs its own transaction.
 */
gboolean
civic_template_records_adopt_legacy (CivicDb      *db,
                                     GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_entity_row_free);
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, rev, data FROM entity WHERE type = ? "
                               "AND deleted = 0 AND id LIKE 'document/%'", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, CIVIC_ENTITY_TEMPLATE);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      CivicEntityRow *found = g_new0 (CivicEntityRow, 1);

      found->id = g_strdup (civic_db_column_text (stmt, 0));
      found->rev = civic_db_column_int64 (stmt, 1);
      found->data = g_strdup (civic_db_column_text (stmt, 2));
      g_ptr_array_add (rows, found);
    }
  civic_db_reset (stmt);
  if ((error != NULL && *error != NULL) || rows->len == 0)
    return error == NULL || *error == NULL;

  if (!civic_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      CivicEntityRow *found = g_ptr_array_index (rows, i);
      g_autoptr(JsonNode) node = civic_json_parse (found->data, -1, NULL);
      g_autoptr(CivicDocumentTemplate) tmpl = node != NULL
        ? civic_document_template_new_from_json (node, NULL) : NULL;
      g_autoptr(CivicTemplateRecord) record = NULL;

      /* One that cannot be read stays where it was, and is reported */
      if (tmpl == NULL)
        {
          g_warning ("The template %s cannot be read; it is left as it was", found->id);
          continue;
        }
      record = civic_template_record_new_from_template (tmpl, found->rev);
      if (store_save (db, G_OBJECT (record), NULL, CIVIC_DAY_INVALID, error) == 0 ||
          civic_server_db_delete_entity (db, CIVIC_ENTITY_TEMPLATE, found->id, found->rev + 1,
                                         error) == 0)
        {
          civic_db_rollback (db);
          return FALSE;
        }
    }
  return civic_db_commit (db, error);
}
