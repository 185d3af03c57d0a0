/* civic-documents.h — documents numbered, rendered, stored and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-case.h"
#include "civic-disclosure-request.h"
#include "civic-message.h"
#include "civic-hearing-kind.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_DOCUMENTS_ERROR (civic_documents_error_quark ())

typedef enum
{
  CIVIC_DOCUMENTS_ERROR_NOT_FOUND,
  CIVIC_DOCUMENTS_ERROR_INVALID,
} CivicDocumentsError;

/* One issued document as the service keeps it */
typedef struct
{
  char   *id;
  char   *case_id;
  char   *department_id;
  char   *kind;
  char   *number;
  char   *code;
  char   *sha256;
  char   *title;
  char   *issued_on;
  GBytes *pdf;      /* unsealed, when asked for */
} CivicIssuedDocument;

GQuark     civic_documents_error_quark  (void);

gboolean   civic_documents_issue_drafts (CivicDb              *db,
                                         CivicCalendar        *calendar,
                                         GDateTime            *now,
                                         const char           *public_url,
                                         CivicCase            *kase,
                                         GError              **error);
gboolean   civic_documents_issue_hearing_drafts (CivicDb      *db,
                                           GDateTime            *now,
                                           const char           *public_url,
                                           CivicHearing         *hearing,
                                           GError              **error);
CivicIssuedDocument *civic_documents_load (CivicDb            *db,
                                         const char           *id,
                                         const char           *code,
                                         gboolean              with_pdf,
                                         GError              **error);
char      *civic_documents_check_json   (CivicDb              *db,
                                         const char           *code,
                                         const char           *sha256,
                                         GError              **error);
JsonNode  *civic_documents_for_applicant (CivicDb             *db,
                                         CivicCase            *kase,
                                         const char           *receipt);
gboolean   civic_documents_served_electronically (CivicCase   *kase,
                                         const CivicCaseDocument *document);

gboolean   civic_templates_import       (CivicDb              *db,
                                         JsonNode             *root,
                                         const char           *department_id,
                                         guint                *n_imported,
                                         GError              **error);
gboolean   civic_templates_import_file  (CivicDb              *db,
                                         const char           *path,
                                         const char           *department_id,
                                         guint                *n_imported,
                                         GError              **error);
char      *civic_templates_bundled_dir  (void);
gboolean   civic_templates_import_defaults (CivicDb           *db,
                                         GError              **error);
gboolean   civic_templates_import_new_defaults (CivicDb       *db,
                                            guint             *n_imported,
                                            GError           **error);
GPtrArray *civic_templates_list         (CivicDb              *db,
                                         GError              **error);

void       civic_issued_document_free   (CivicIssuedDocument  *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicIssuedDocument, civic_issued_document_free)

gboolean civic_documents_issue_disclosure_request_document (CivicDb                 *db,
                                                            CivicCalendar           *calendar,
                                                            GDateTime               *now,
                                                            const char              *public_url,
                                                            CivicDisclosureRequest  *request,
                                                            guint                    action,
                                                            const char              *id,
                                                            GError                 **error);
gboolean civic_documents_issue_message_reply (CivicDb                  *db,
                                              GDateTime                *now,
                                              const char               *public_url,
                                              CivicMessage             *message,
                                              const CivicMessageReply  *reply,
                                              const char               *id,
                                              GError                  **error);

G_END_DECLS
