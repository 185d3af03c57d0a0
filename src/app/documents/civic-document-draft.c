/* civic-document-draft.c — a document drawn on this computer, before the
 * service numbers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview an official looks at before issuing, and what a document
 * issued offline looks like until the service numbers it: the template
 * and the department from the offline copy, the case's words as the
 * client holds them (the applicant's name masked), laid out by the same
 * code the service renders with, marked as a draft on every page.
 */

#define G_LOG_DOMAIN "civic-document"

#include "config.h"

#include "civic-document-draft.h"
#include "civic-document-render.h"
#include "civic-entity.h"
#include "civic-i18n.h"
#include "civic-time.h"

static CivicDocumentTemplate *
load_template (CivicCache             *cache,
               CivicCase              *kase,
               CivicDocumentKind       kind,
               CivicDocumentLanguage   language,
               GError                **error)
{
  const char *owners[] = { civic_case_get_department_id (kase), NULL };

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autofree char *id = civic_document_template_id (kind, language, owners[i]);
      g_autoptr(JsonNode) node = civic_cache_load_entity (cache, CIVIC_ENTITY_DOCUMENT_TEMPLATE,
                                                          id, NULL);

      if (node != NULL)
        return civic_document_template_new_from_json (node, error);
    }

  g_set_error (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_NO_TEMPLATE,
               /* Translators: "The offline copy has no template for the Correction Notice in zh" */
               _("The offline copy has no template for the %s in “%s” yet; it arrives with the "
                 "next sync"),
               civic_document_kind_get_label (kind), civic_document_language_to_string (language));
  return NULL;
}

/**
 * civic_document_draft_render:
 * @title: (out) (optional): the document's title
 *
 * Renders @kind for @kase as it would be issued today (or on the day a
 * draft of it waiting on this computer was made), without a number.
 *
 * Returns: (transfer full) (nullable): the draft's PDF, or %NULL with why
 * not: no template yet, a word the case does not have, a face missing
 */
GBytes *
civic_document_draft_render (CivicCache             *cache,
                             CivicCalendar          *calendar,
                             CivicCase              *kase,
                             CivicDocumentKind       kind,
                             CivicDocumentLanguage   language,
                             char                  **title,
                             GError                **error)
{
  g_autoptr(CivicDocumentTemplate) template = NULL;
  g_autoptr(JsonNode) department = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(CivicDocumentText) text = NULL;
  CivicCaseDocument document = { 0 };
  GPtrArray *documents = civic_case_get_documents (kase);

  template = load_template (cache, kase, kind, language, error);
  if (template == NULL)
    return NULL;
  department = civic_cache_load_entity (cache, CIVIC_ENTITY_DEPARTMENT,
                                        civic_case_get_department_id (kase), NULL);

  document.kind = kind;
  document.language = language;
  document.issued_on = civic_time_today ();
  for (guint i = 0; i < documents->len; i++)
    {
      CivicCaseDocument *waiting = g_ptr_array_index (documents, i);

      if (waiting->kind == kind && civic_case_document_is_draft (waiting))
        document.issued_on = waiting->issued_on;
    }

  values = civic_case_document_values (kase, &document,
                                       department && JSON_NODE_HOLDS_OBJECT (department)
                                       ? json_node_get_object (department) : NULL,
                                       calendar, error);
  if (values == NULL)
    return NULL;
  text = civic_document_template_fill (template, values, error);
  if (text == NULL)
    return NULL;
  if (title != NULL)
    *title = g_strdup (text->title);
  return civic_document_render_pdf (text, NULL, error);
}
