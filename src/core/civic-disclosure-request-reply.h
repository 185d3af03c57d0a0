/* civic-disclosure-request-reply.h — how a request for government information is answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CIVIC_DISCLOSURE_REPLY_ERROR (civic_disclosure_reply_error_quark ())

typedef enum
{
  CIVIC_DISCLOSURE_REPLY_ERROR_OUTCOME,  /* no such outcome */
  CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,   /* a ground missing, or one that does not go with it */
  CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,   /* the text the reply must carry is missing */
} CivicDisclosureReplyError;

/* The answer a request gets: OGI Art. 36 and the articles around it, as
 * the 2021 annual report groups them. */
typedef enum
{
  CIVIC_DISCLOSURE_REPLY_DISCLOSE,        /* Art. 36(2): 予以公开 */
  CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC,  /* Art. 36(1): 已经主动公开 */
  CIVIC_DISCLOSURE_REPLY_PARTIAL,         /* Art. 37: 部分公开 (区分处理) */
  CIVIC_DISCLOSURE_REPLY_WITHHOLD,        /* Arts. 14–16, 36(3), 36(7): 不予公开 */
  CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE,  /* Arts. 36(4), 36(5), 38, 30: 无法提供 */
  CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED,   /* Arts. 39, 36(6), 35: 不予处理 */
  CIVIC_DISCLOSURE_REPLY_OTHER,           /* Arts. 30, 42: 其他处理 */
} CivicDisclosureReplyOutcome;

/* Why, for the outcomes that need a reason. */
typedef enum
{
  CIVIC_DISCLOSURE_GROUND_NONE,
  /* withhold */
  CIVIC_DISCLOSURE_GROUND_STATE_SECRET,              /* Art. 14 */
  CIVIC_DISCLOSURE_GROUND_LAW_PROHIBITS,             /* Art. 14 */
  CIVIC_DISCLOSURE_GROUND_THREE_SAFETIES,            /* Art. 14: 三安全一稳定 */
  CIVIC_DISCLOSURE_GROUND_THIRD_PARTY,               /* Arts. 15, 32 */
  CIVIC_DISCLOSURE_GROUND_INTERNAL_AFFAIRS,          /* Art. 16 ¶1 */
  CIVIC_DISCLOSURE_GROUND_PROCESS_INFORMATION,       /* Art. 16 ¶2 */
  CIVIC_DISCLOSURE_GROUND_ENFORCEMENT_FILE,          /* Art. 16 ¶2 */
  CIVIC_DISCLOSURE_GROUND_ADMINISTRATIVE_QUERY,      /* Art. 36(7) */
  /* cannot provide */
  CIVIC_DISCLOSURE_GROUND_NOT_HELD,                  /* Art. 36(4) */
  CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN,            /* Art. 36(5) */
  CIVIC_DISCLOSURE_GROUND_NEEDS_CREATING,            /* Art. 38 */
  CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION,  /* Art. 30 */
  /* not processed */
  CIVIC_DISCLOSURE_GROUND_COMPLAINT,                 /* Art. 39 ¶1 */
  CIVIC_DISCLOSURE_GROUND_REPEATED,                  /* Art. 36(6) */
  CIVIC_DISCLOSURE_GROUND_PUBLICATION,               /* Art. 39 ¶2 */
  CIVIC_DISCLOSURE_GROUND_EXCESSIVE,                 /* Art. 35 */
  CIVIC_DISCLOSURE_GROUND_CONFIRM_OR_REISSUE,
  /* other */
  CIVIC_DISCLOSURE_GROUND_ABANDONED,                 /* Art. 30 */
  CIVIC_DISCLOSURE_GROUND_FEE_UNPAID,                /* Art. 42 */
} CivicDisclosureReplyGround;

/* The rows of "本年度办理结果" in the annual report's table of requests, in
 * the 2021 format (国办公开办函〔2021〕30号). */
typedef enum
{
  CIVIC_DISCLOSURE_ROW_DISCLOSED,                      /* (一) */
  CIVIC_DISCLOSURE_ROW_PARTLY_DISCLOSED,               /* (二) */
  CIVIC_DISCLOSURE_ROW_WITHHELD_STATE_SECRET,          /* (三) 1 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_LAW_PROHIBITS,         /* (三) 2 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_THREE_SAFETIES,        /* (三) 3 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_THIRD_PARTY,           /* (三) 4 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_INTERNAL_AFFAIRS,      /* (三) 5 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_PROCESS_INFORMATION,   /* (三) 6 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_ENFORCEMENT_FILE,      /* (三) 7 */
  CIVIC_DISCLOSURE_ROW_WITHHELD_ADMINISTRATIVE_QUERY,  /* (三) 8 */
  CIVIC_DISCLOSURE_ROW_NOT_HELD,                       /* (四) 1 */
  CIVIC_DISCLOSURE_ROW_NEEDS_CREATING,                 /* (四) 2 */
  CIVIC_DISCLOSURE_ROW_UNCLEAR_AFTER_CORRECTION,       /* (四) 3 */
  CIVIC_DISCLOSURE_ROW_COMPLAINT,                      /* (五) 1 */
  CIVIC_DISCLOSURE_ROW_REPEATED,                       /* (五) 2 */
  CIVIC_DISCLOSURE_ROW_PUBLICATION,                    /* (五) 3 */
  CIVIC_DISCLOSURE_ROW_EXCESSIVE,                      /* (五) 4 */
  CIVIC_DISCLOSURE_ROW_CONFIRM_OR_REISSUE,             /* (五) 5 */
  CIVIC_DISCLOSURE_ROW_ABANDONED,                      /* (六) 1 */
  CIVIC_DISCLOSURE_ROW_FEE_UNPAID,                     /* (六) 2 */
} CivicDisclosureReportRow;

GQuark       civic_disclosure_reply_error_quark             (void);

gboolean     civic_disclosure_request_reply_is_valid_pair   (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground);
gboolean     civic_disclosure_request_reply_validate        (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground,
                                                             const char                  *detail,
                                                             GError                     **error);

const char  *civic_disclosure_request_reply_get_finding     (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground);
char        *civic_disclosure_request_reply_dup_finding     (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground,
                                                             const char                  *detail);
const char  *civic_disclosure_request_reply_get_basis       (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground);
const char  *civic_disclosure_request_reply_get_detail_label (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground,
                                                             gboolean                    *required);
CivicDisclosureReportRow
             civic_disclosure_request_reply_get_report_row  (CivicDisclosureReplyOutcome  outcome,
                                                             CivicDisclosureReplyGround   ground);

const char  *civic_disclosure_reply_outcome_get_label       (CivicDisclosureReplyOutcome  outcome);
const char  *civic_disclosure_reply_ground_get_label        (CivicDisclosureReplyGround   ground);

int          civic_disclosure_report_row_get_section        (CivicDisclosureReportRow     row);
int          civic_disclosure_report_row_get_item           (CivicDisclosureReportRow     row);
const char  *civic_disclosure_report_row_get_label          (CivicDisclosureReportRow     row);
const char  *civic_disclosure_report_section_get_label      (int                          section);

G_END_DECLS
