/* civic-disclosure-report.c — an organ's annual report on government information disclosure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-report"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-disclosure-report.h"

/* OGI Art. 50 and the 2021 unified format (国办公开办函〔2021〕30号): six
 * parts, of which the statistics are counted from the records of the
 * year and the words are left to the editor. The report is a Chinese
 * government document, written in the format's own words whatever the
 * language of the official who generates it; it becomes a disclosure's
 * draft, which the editor completes and publishes like any other. The
 * check printed on the form — new plus carried over equals the results
 * plus carried forward — holds by construction and is asserted. */

G_DEFINE_QUARK (civic-disclosure-report-error-quark, civic_disclosure_report_error)

static const char * const columns[CIVIC_REPORT_N_COLUMNS] = {
  "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"
};

/* The format's rows of results, in its words */
static const char * const rows[CIVIC_DISCLOSURE_N_REPORT_ROWS] = {
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开 1.属于国家秘密",
  "（三）不予公开 2.其他法律行政法规禁止公开",
  "（三）不予公开 3.危及“三安全一稳定”",
  "（三）不予公开 4.保护第三方合法权益",
  "（三）不予公开 5.属于三类内部事务信息",
  "（三）不予公开 6.属于四类过程性信息",
  "（三）不予公开 7.属于行政执法案卷",
  "（三）不予公开 8.属于行政查询事项",
  "（四）无法提供 1.本机关不掌握相关政府信息",
  "（四）无法提供 2.没有现成信息需要另行制作",
  "（四）无法提供 3.补正后申请内容仍不明确",
  "（五）不予处理 1.信访举报投诉类申请",
  "（五）不予处理 2.重复申请",
  "（五）不予处理 3.要求提供公开出版物",
  "（五）不予处理 4.无正当理由大量反复申请",
  "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
  "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
};

CivicDisclosureReportData *
civic_disclosure_report_data_new (int         year,
                                  const char *organ_name)
{
  CivicDisclosureReportData *data = g_new0 (CivicDisclosureReportData, 1);

  data->year = year;
  data->organ_name = g_strdup (organ_name);
  return data;
}

void
civic_disclosure_report_data_free (CivicDisclosureReportData *data)
{
  if (data == NULL)
    return;
  g_free (data->organ_name);
  g_free (data);
}

static void
count_remedy (guint                        results[CIVIC_REPORT_N_RESULTS],
              const CivicDisclosureRemedy *remedy)
{
  switch (remedy->result)
    {
    case CIVIC_DISCLOSURE_REMEDY_UPHELD: results[0]++; break;
    case CIVIC_DISCLOSURE_REMEDY_CORRECTED: results[1]++; break;
    case CIVIC_DISCLOSURE_REMEDY_OTHER: results[2]++; break;
    case CIVIC_DISCLOSURE_REMEDY_PENDING:
    default: results[3]++; break;
    }
  results[4]++;
}

/**
 * civic_disclosure_report_count:
 * @year_start: the first day of the year, @year_end its last
 *
 * Counts @request where the year's tables put it: received in the year
 * or carried over from an earlier one; replied to, closed otherwise, or
 * carried forward; and its remedies.
 */
void
civic_disclosure_report_count (CivicDisclosureReportData *data,
                               CivicDisclosureRequest    *request,
                               CivicDay                   year_start,
                               CivicDay                   year_end)
{
  const CivicDisclosureApplicant *applicant = civic_disclosure_request_get_applicant (request);
  CivicDay received = civic_disclosure_request_get_received_on (request);
  CivicDay replied = civic_disclosure_request_get_replied_on (request);
  CivicDay closed = civic_disclosure_request_get_closed_on (request);
  const CivicDisclosureReply *reply = civic_disclosure_request_get_reply (request);
  CivicDisclosureRequestState state = civic_disclosure_request_get_state (request);
  guint column = MIN ((guint) applicant->kind, CIVIC_REPORT_N_COLUMNS - 2);
  CivicDay ended = replied != CIVIC_DAY_INVALID ? replied : closed;
  GPtrArray *remedies = civic_disclosure_request_get_remedies (request);

  if (received == CIVIC_DAY_INVALID || received > year_end)
    return;
  /* Ended before the year: not this year's */
  if (ended != CIVIC_DAY_INVALID && ended < year_start)
    goto remedies;
  /* A withdrawn request is neither counted as received nor as a result */
  if (state == CIVIC_DISCLOSURE_REQUEST_STATE_WITHDRAWN)
    goto remedies;

  if (received >= year_start)
    data->received[column]++;
  else
    data->carried_over[column]++;

  if (ended != CIVIC_DAY_INVALID && ended <= year_end)
    {
      CivicDisclosureReportRow row;

      if (state == CIVIC_DISCLOSURE_REQUEST_STATE_ABANDONED || reply == NULL)
        row = CIVIC_DISCLOSURE_ROW_ABANDONED;
      else
        row = civic_disclosure_request_reply_get_report_row (reply->outcome, reply->ground);
      data->results[row][column]++;
    }
  else
    data->carried_forward[column]++;

remedies:
  for (guint i = 0; remedies != NULL && i < remedies->len; i++)
    {
      const CivicDisclosureRemedy *remedy = g_ptr_array_index (remedies, i);

      if (remedy->filed_on < year_start || remedy->filed_on > year_end)
        continue;
      if (remedy->kind == CIVIC_DISCLOSURE_REMEDY_RECONSIDERATION)
        count_remedy (data->reconsideration, remedy);
      else if (civic_disclosure_remedy_is_after_reconsideration (request, remedy))
        count_remedy (data->lawsuit_after_reconsideration, remedy);
      else
        count_remedy (data->lawsuit_direct, remedy);
    }
}

/**
 * civic_disclosure_report_total:
 *
 * Fills the total column of every row from the others
 */
void
civic_disclosure_report_total (CivicDisclosureReportData *data)
{
#define TOTAL(cells) \
  G_STMT_START { \
    cells[CIVIC_REPORT_TOTAL] = 0; \
    for (guint c = 0; c < CIVIC_REPORT_TOTAL; c++) \
      cells[CIVIC_REPORT_TOTAL] += cells[c]; \
  } G_STMT_END
  TOTAL (data->received);
  TOTAL (data->carried_over);
  TOTAL (data->carried_forward);
  for (guint r = 0; r < CIVIC_DISCLOSURE_N_REPORT_ROWS; r++)
    TOTAL (data->results[r]);
#undef TOTAL
}

static guint
results_total (const CivicDisclosureReportData *data,
               guint                            column)
{
  guint sum = 0;

  for (guint r = 0; r < CIVIC_DISCLOSURE_N_REPORT_ROWS; r++)
    sum += data->results[r][column];
  return sum;
}

/**
 * civic_disclosure_report_check:
 *
 * The check the format prints under its table: in every column, the
 * requests received plus those carried over equal the results plus those
 * carried forward
 */
gboolean
civic_disclosure_report_check (const CivicDisclosureReportData *data,
                               GError                         **error)
{
  for (guint c = 0; c < CIVIC_REPORT_N_COLUMNS; c++)
    if (data->received[c] + data->carried_over[c] != results_total (data, c) + data->carried_forward[c])
      {
        g_set_error (error, CIVIC_DISCLOSURE_REPORT_ERROR, CIVIC_DISCLOSURE_REPORT_ERROR_UNBALANCED,
                     /* Translators: a column of the annual report's table, "自然人" */
                     _("In the column “%s”, the requests received and carried over (%u) are not "
                       "the results and those carried forward (%u)"),
                     columns[c], data->received[c] + data->carried_over[c],
                     results_total (data, c) + data->carried_forward[c]);
        return FALSE;
      }
  return TRUE;
}

static void
table_row (GString     *out,
           const char  *label,
           const guint *cells)
{
  g_string_append_printf (out, "| %s |", label);
  for (guint c = 0; c < CIVIC_REPORT_N_COLUMNS; c++)
    g_string_append_printf (out, " %u |", cells[c]);
  g_string_append_c (out, '\n');
}

static void
remedy_cells (GString     *out,
              const guint *cells)
{
  for (guint i = 0; i < CIVIC_REPORT_N_RESULTS; i++)
    g_string_append_printf (out, " %u |", cells[i]);
}

/**
 * civic_disclosure_report_to_markdown:
 *
 * Returns: (transfer full): the report as a disclosure's Markdown body,
 * its statistics filled in, its words for the editor to write
 */
char *
civic_disclosure_report_to_markdown (const CivicDisclosureReportData *data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint totals[CIVIC_REPORT_N_COLUMNS];

  g_string_append_printf (out, "# %s%d年政府信息公开工作年度报告\n\n", data->organ_name, data->year);
  g_string_append_printf (out, "本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条编制，"
                               "所列数据的统计期限自%d年1月1日起至%d年12月31日止。\n\n",
                          data->year, data->year);

  g_string_append (out, "## 一、总体情况\n\n（请概述本年度主动公开、依申请公开、政府信息管理、"
                        "平台建设、监督保障等情况。）\n\n");

  g_string_append (out, "## 二、主动公开政府信息情况\n\n"
                        "| 第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
                        "|:---|---:|---:|---:|\n");
  g_string_append_printf (out, "| 规章 | %u | %u | %u |\n", data->rules[0], data->rules[1],
                          data->rules[2]);
  g_string_append_printf (out, "| 行政规范性文件 | %u | %u | %u |\n\n", data->normative[0],
                          data->normative[1], data->normative[2]);
  g_string_append (out, "| 第二十条第（五）项 | 本年处理决定数量 |\n|:---|---:|\n");
  g_string_append_printf (out, "| 行政许可 | %u |\n\n", data->licensing_decisions);
  g_string_append (out, "| 第二十条第（六）项 | 本年处理决定数量 |\n|:---|---:|\n"
                        "| 行政处罚 | （请填写） |\n| 行政强制 | （请填写） |\n\n"
                        "| 第二十条第（八）项 | 本年收费金额（单位：万元） |\n|:---|---:|\n"
                        "| 行政事业性收费 | （请填写） |\n\n");

  g_string_append (out, "## 三、收到和处理政府信息公开申请情况\n\n| 申请人情况 |");
  for (guint c = 0; c < CIVIC_REPORT_N_COLUMNS; c++)
    g_string_append_printf (out, " %s |", columns[c]);
  g_string_append (out, "\n|:---|");
  for (guint c = 0; c < CIVIC_REPORT_N_COLUMNS; c++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');
  table_row (out, "一、本年新收政府信息公开申请数量", data->received);
  table_row (out, "二、上年结转政府信息公开申请数量", data->carried_over);
  for (guint r = 0; r < CIVIC_DISCLOSURE_N_REPORT_ROWS; r++)
    {
      g_autofree char *label = g_strconcat ("三、本年度办理结果 ", rows[r], NULL);

      table_row (out, label, data->results[r]);
    }
  for (guint c = 0; c < CIVIC_REPORT_N_COLUMNS; c++)
    totals[c] = results_total (data, c);
  table_row (out, "三、本年度办理结果 （七）总计", totals);
  table_row (out, "四、结转下年度继续办理", data->carried_forward);
  g_string_append (out, "\n第一项加第二项之和，等于第三项加第四项之和。\n\n");

  g_string_append (out, "## 四、政府信息公开行政复议、行政诉讼情况\n\n"
                        "| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
                        "|:---|---:|---:|---:|---:|---:|\n| 行政复议 |");
  remedy_cells (out, data->reconsideration);
  g_string_append (out, "\n| 行政诉讼（未经复议直接起诉） |");
  remedy_cells (out, data->lawsuit_direct);
  g_string_append (out, "\n| 行政诉讼（复议后起诉） |");
  remedy_cells (out, data->lawsuit_after_reconsideration);
  g_string_append (out, "\n\n## 五、存在的主要问题及改进情况\n\n（请填写。）\n\n"
                        "## 六、其他需要报告的事项\n\n（请填写，如依据《政府信息公开信息处理费管理办法》"
                        "收取信息处理费的情况。）\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
