/* civic-disclosure-report.h — an organ's annual report on government information disclosure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure-request-reply.h"
#include "civic-disclosure-request.h"

G_BEGIN_DECLS

/* The columns of the 2021 unified tables (国办公开办函〔2021〕30号): the
 * applicant, a natural person or one of five kinds of organisation, and
 * the total */
#define CIVIC_DISCLOSURE_N_REPORT_ROWS (CIVIC_DISCLOSURE_ROW_FEE_UNPAID + 1)

#define CIVIC_REPORT_N_COLUMNS 7
#define CIVIC_REPORT_TOTAL 6

/* The results of a reconsideration or a lawsuit: upheld, corrected,
 * other, pending, total */
#define CIVIC_REPORT_N_RESULTS 5

typedef struct
{
  int    year;
  char  *organ_name;

  /* Art. 20(1): 规章 and 行政规范性文件, issued, repealed in the year, in
   * force at its end */
  guint  rules[3];
  guint  normative[3];
  /* Art. 20(5): licensing decisions made in the year */
  guint  licensing_decisions;

  /* Requests, per applicant column (CivicDisclosureApplicantKind, then
   * the total) */
  guint  received[CIVIC_REPORT_N_COLUMNS];
  guint  carried_over[CIVIC_REPORT_N_COLUMNS];
  guint  results[CIVIC_DISCLOSURE_N_REPORT_ROWS][CIVIC_REPORT_N_COLUMNS];
  guint  carried_forward[CIVIC_REPORT_N_COLUMNS];

  /* Remedies decided or pending in the year */
  guint  reconsideration[CIVIC_REPORT_N_RESULTS];
  guint  lawsuit_direct[CIVIC_REPORT_N_RESULTS];
  guint  lawsuit_after_reconsideration[CIVIC_REPORT_N_RESULTS];
} CivicDisclosureReportData;

#define CIVIC_DISCLOSURE_REPORT_ERROR (civic_disclosure_report_error_quark ())

typedef enum
{
  CIVIC_DISCLOSURE_REPORT_ERROR_UNBALANCED,
} CivicDisclosureReportError;

GQuark    civic_disclosure_report_error_quark (void);

CivicDisclosureReportData *civic_disclosure_report_data_new  (int                          year,
                                                              const char                  *organ_name);
void      civic_disclosure_report_data_free   (CivicDisclosureReportData   *data);
void      civic_disclosure_report_count       (CivicDisclosureReportData   *data,
                                               CivicDisclosureRequest      *request,
                                               CivicDay                     year_start,
                                               CivicDay                     year_end);
void      civic_disclosure_report_total       (CivicDisclosureReportData   *data);
gboolean  civic_disclosure_report_check       (const CivicDisclosureReportData *data,
                                               GError                     **error);
char     *civic_disclosure_report_to_markdown (const CivicDisclosureReportData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDisclosureReportData, civic_disclosure_report_data_free)

G_END_DECLS
