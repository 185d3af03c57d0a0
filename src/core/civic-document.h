/* civic-document.h — formal documents (文书): their kinds and templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>

#include <json-glib/json-glib.h>

#include "civic-actor.h"

G_BEGIN_DECLS

#define CIVIC_DOCUMENT_ERROR (civic_document_error_quark ())

typedef enum
{
  CIVIC_DOCUMENT_ERROR_TEMPLATE,   /* a template that cannot be read or filled */
  CIVIC_DOCUMENT_ERROR_NO_TEMPLATE,
  CIVIC_DOCUMENT_ERROR_FONT,       /* a face the layout needs is not installed */
  CIVIC_DOCUMENT_ERROR_RECORD,     /* the record lacks what the document states */
} CivicDocumentError;

/* Every written document the Administrative Licensing Law ties to a step
 * of a case. The nick ("correction-notice") is how the wire, the
 * templates and the database name it. */
typedef enum
{
  CIVIC_DOCUMENT_ACCEPTANCE_NOTICE,      /* 受理通知书 (Art. 32) */
  CIVIC_DOCUMENT_CORRECTION_NOTICE,      /* 补正材料通知书 (Art. 32 ¶1(4)) */
  CIVIC_DOCUMENT_NOT_ACCEPTED_DECISION,  /* 不予受理决定书 (Art. 32) */
  CIVIC_DOCUMENT_SUSPENSION_NOTICE,      /* 特别程序告知书 (Art. 45) */
  CIVIC_DOCUMENT_EXTENSION_NOTICE,       /* 延长审查期限告知书 (Art. 42) */
  CIVIC_DOCUMENT_HEARING_RIGHT_NOTICE,   /* 听证权利告知书 (Art. 47) */
  CIVIC_DOCUMENT_GRANT_DECISION,         /* 准予行政许可决定书 (Art. 38 ¶1) */
  CIVIC_DOCUMENT_REFUSAL_DECISION,       /* 不予行政许可决定书 (Art. 38 ¶2) */
  CIVIC_DOCUMENT_SERVICE_PROOF,          /* 送达回证 */
  /* A hearing's (civic-hearing-kind.c), issued by its own steps */
  CIVIC_DOCUMENT_HEARING_NOTICE,         /* 听证通知书 (Art. 48 ¶1(1)), one to each party */
  CIVIC_DOCUMENT_HEARING_ANNOUNCEMENT,   /* 听证公告 (Art. 46) */
  CIVIC_DOCUMENT_HEARING_RECORD,         /* 听证笔录 (Art. 48 ¶1(5)) */
  /* A request for information's (civic-disclosure-request-kind.c) */
  CIVIC_DOCUMENT_DISCLOSURE_REPLY,       /* 政府信息公开申请答复书 (OGI Art. 36) */
  CIVIC_DOCUMENT_DISCLOSURE_CORRECTION_NOTICE,   /* 补正申请告知书 (OGI Art. 30) */
  CIVIC_DOCUMENT_DISCLOSURE_EXTENSION_NOTICE,    /* 延期答复告知书 (OGI Art. 33 ¶2) */
  CIVIC_DOCUMENT_DISCLOSURE_CONSULTATION_LETTER, /* 征求第三方意见函 (OGI Art. 32) */
  CIVIC_DOCUMENT_DISCLOSURE_CO_PRODUCER_LETTER,  /* 征求意见函, to an organ that made it with us (OGI Art. 34) */
  CIVIC_DOCUMENT_DISCLOSURE_THIRD_PARTY_NOTICE,  /* 决定公开告知书, to a third party overridden (OGI Art. 32) */
  /* A citizen's message's (civic-message-kind.c) */
  CIVIC_DOCUMENT_MESSAGE_REPLY,          /* 答复意见书: a reply sent to a letter or a mail (信访工作条例 Art. 32) */
} CivicDocumentKind;

#define CIVIC_N_DOCUMENT_KINDS (CIVIC_DOCUMENT_MESSAGE_REPLY + 1)

/* The language a document is written in: Chinese, and English for the
 * demo and for foreign applicants' courtesy copies. */
typedef enum
{
  CIVIC_DOCUMENT_LANGUAGE_ZH,
  CIVIC_DOCUMENT_LANGUAGE_EN,
} CivicDocumentLanguage;

/* How a block of a document's body is set (GB/T 9704-2012 §7.3). */
typedef enum
{
  CIVIC_BLOCK_PARAGRAPH,   /* 仿宋, first line indented two characters */
  CIVIC_BLOCK_ADDRESSEE,   /* 主送: flush left */
  CIVIC_BLOCK_HEADING,     /* 黑体: a first-level heading inside the text */
  CIVIC_BLOCK_KAI,         /* 楷体: a quotation or a second-level heading */
  CIVIC_BLOCK_FIELD,       /* a form's line: "label：value", flush left */
  CIVIC_BLOCK_NOTE,        /* 附注: smaller, in brackets, at the end */
} CivicBlockStyle;

typedef struct
{
  CivicBlockStyle  style;
  char            *text;
} CivicDocumentBlock;

/* One template: the words of one kind of document in one language, with
 * {{placeholders}}; a department may keep its own (@department_id). */
typedef struct
{
  CivicDocumentKind      kind;
  CivicDocumentLanguage  language;
  char                  *department_id;  /* (nullable): every department's */
  char                  *title;          /* "补正材料通知书" */
  char                  *mark;           /* the number's kind mark: "补" */
  GPtrArray             *blocks;         /* CivicDocumentBlock */
} CivicDocumentTemplate;

/* A document ready to lay out: every placeholder filled. */
typedef struct
{
  CivicDocumentLanguage  language;
  char                  *organ;       /* 发文机关: the department's full name */
  char                  *number;      /* 发文字号, or NULL for a draft (set by the issuer) */
  char                  *title;
  GPtrArray             *blocks;      /* CivicDocumentBlock */
  char                  *signature;   /* 署名: the organ again */
  char                  *date;        /* 成文日期, written out */
  char                  *code;        /* the verification code, or NULL for a draft */
  char                  *verify_url;  /* what the QR code holds (nullable) */
} CivicDocumentText;

GQuark       civic_document_error_quark      (void);

gboolean     civic_document_kind_from_string (const char              *nick,
                                              CivicDocumentKind       *kind);
const char  *civic_document_kind_to_string   (CivicDocumentKind        kind);
const char  *civic_document_kind_get_label   (CivicDocumentKind        kind);
CivicRole    civic_document_kind_get_roles   (CivicDocumentKind        kind);
const char * const *civic_document_kind_get_placeholders (CivicDocumentKind kind);
gboolean     civic_document_kind_is_hearing  (CivicDocumentKind        kind);
gboolean     civic_document_kind_is_case     (CivicDocumentKind        kind);
gboolean     civic_document_kind_is_disclosure_request (CivicDocumentKind kind);
gboolean     civic_document_kind_is_message  (CivicDocumentKind        kind);

gboolean     civic_document_language_from_string (const char          *nick,
                                              CivicDocumentLanguage   *language);
const char  *civic_document_language_to_string (CivicDocumentLanguage  language);

locale_t     civic_document_locale           (CivicDocumentLanguage    language);
char        *civic_document_format_date      (guint32                  day,
                                              CivicDocumentLanguage    language);
char        *civic_document_format_number    (const char              *abbreviation,
                                              const char              *mark,
                                              int                      year,
                                              gint64                   sequence);
char        *civic_document_make_code        (const guint8            *random,
                                              gsize                    n_random);
gboolean     civic_document_code_is_valid    (const char              *code);
char        *civic_document_code_normalize   (const char              *code);

void         civic_document_block_free       (CivicDocumentBlock      *block);

CivicDocumentTemplate *civic_document_template_new_from_json (JsonNode  *node,
                                              GError                 **error);
JsonNode    *civic_document_template_to_json (const CivicDocumentTemplate *self);
char        *civic_document_template_id      (CivicDocumentKind        kind,
                                              CivicDocumentLanguage    language,
                                              const char              *department_id);
CivicDocumentText *civic_document_template_fill (const CivicDocumentTemplate *self,
                                              GHashTable              *values,
                                              GError                 **error);
void         civic_document_template_free    (CivicDocumentTemplate   *self);

void         civic_document_text_free        (CivicDocumentText       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDocumentBlock, civic_document_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDocumentTemplate, civic_document_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDocumentText, civic_document_text_free)

G_END_DECLS
