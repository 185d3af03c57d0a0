/* civic-template-record.h — a formal document's template as a kind of record administrators run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-document.h"
#include "civic-entity.h"

G_BEGIN_DECLS

/* What administrators do with a template (docs/plans/catalogue.md,
 * decision 10 and "Templates as commands") */
typedef enum
{
  CIVIC_TEMPLATE_ACTION_EDIT,    /*< nick=edit-template >*/
  CIVIC_TEMPLATE_ACTION_COPY,    /*< nick=copy-template >*/    /* a department's own, made from the hall's */
  CIVIC_TEMPLATE_ACTION_REVERT,  /*< nick=revert-template >*/  /* the department's own goes: the hall's applies */
} CivicTemplateAction;

#define CIVIC_N_TEMPLATE_ACTIONS (CIVIC_TEMPLATE_ACTION_REVERT + 1)

/* The most characters of a template's body as a form edits it */
#define CIVIC_TEMPLATE_BODY_MAX 60000

#define CIVIC_TYPE_TEMPLATE_RECORD (civic_template_record_get_type ())
G_DECLARE_FINAL_TYPE (CivicTemplateRecord, civic_template_record, CIVIC, TEMPLATE_RECORD, GObject)

extern const CivicEntityKind civic_template_kind;

CivicTemplateRecord *civic_template_record_new           (const char            *id);
CivicTemplateRecord *civic_template_record_new_from_template (const CivicDocumentTemplate *tmpl,
                                                          gint64                 rev);
CivicTemplateRecord *civic_template_record_new_from_json (JsonNode              *node,
                                                          GError               **error);
JsonNode   *civic_template_record_to_json                (CivicTemplateRecord   *self);

const char *civic_template_record_get_id                 (CivicTemplateRecord   *self);
gint64      civic_template_record_get_rev                (CivicTemplateRecord   *self);
void        civic_template_record_set_rev                (CivicTemplateRecord   *self,
                                                          gint64                 rev);
/* (nullable): none for one reverted, or not yet made */
const CivicDocumentTemplate *civic_template_record_get_template (CivicTemplateRecord *self);
gboolean    civic_template_record_get_removed            (CivicTemplateRecord   *self);
void        civic_template_record_set_removed            (CivicTemplateRecord   *self,
                                                          gboolean               removed);
/* The department whose own it is, from the id: %NULL for the hall's */
const char *civic_template_record_get_department_id      (CivicTemplateRecord   *self);

char       *civic_template_body_to_source                (const CivicDocumentTemplate *tmpl);
GPtrArray  *civic_template_body_from_source              (const char            *source,
                                                          GError               **error);

G_END_DECLS
