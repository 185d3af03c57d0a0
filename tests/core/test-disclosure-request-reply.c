/* test-disclosure-request-reply.c — the replies of OGI Arts. 30–42 and the annual report's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is decision 10 of docs/plans/disclosure.md.
 */

#include "config.h"

#include <locale.h>
#include <libintl.h>
#include <string.h>

#include "civic-core.h"

/* Every valid pair, as the plan's table lists them */
static const struct
{
  CivicDisclosureReplyOutcome  outcome;
  CivicDisclosureReplyGround   ground;
  int                          section;
  int                          item;
  gboolean                     detail_required;
} table[] = {
  { CIVIC_DISCLOSURE_REPLY_DISCLOSE, CIVIC_DISCLOSURE_GROUND_NONE, 1, 0, FALSE },
  { CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC, CIVIC_DISCLOSURE_GROUND_NONE, 1, 0, TRUE },
  { CIVIC_DISCLOSURE_REPLY_PARTIAL, CIVIC_DISCLOSURE_GROUND_NONE, 2, 0, TRUE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_STATE_SECRET, 3, 1, FALSE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_LAW_PROHIBITS, 3, 2, TRUE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_THREE_SAFETIES, 3, 3, FALSE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_THIRD_PARTY, 3, 4, TRUE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_INTERNAL_AFFAIRS, 3, 5, FALSE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_PROCESS_INFORMATION, 3, 6, FALSE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_ENFORCEMENT_FILE, 3, 7, FALSE },
  { CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_ADMINISTRATIVE_QUERY, 3, 8, FALSE },
  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NOT_HELD, 4, 1, FALSE },
  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN, 4, 1, TRUE },
  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NEEDS_CREATING, 4, 2, FALSE },
  { CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION,
    4, 3, FALSE },
  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_COMPLAINT, 5, 1, FALSE },
  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_REPEATED, 5, 2, TRUE },
  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_PUBLICATION, 5, 3, FALSE },
  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_EXCESSIVE, 5, 4, FALSE },
  { CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_CONFIRM_OR_REISSUE, 5, 5, FALSE },
  { CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_ABANDONED, 6, 1, FALSE },
  { CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_FEE_UNPAID, 6, 2, FALSE },
};

static gboolean
in_table (CivicDisclosureReplyOutcome outcome,
          CivicDisclosureReplyGround  ground)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].outcome == outcome && table[i].ground == ground)
      return TRUE;
  return FALSE;
}

static guint
count_format_args (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '%'); p != NULL; p = strchr (p + 2, '%'))
    {
      g_assert_cmpint (p[1], ==, 's');
      n++;
    }
  return n;
}

/* Every pair of the table has its finding, its basis and its row, and
 * every other pair is refused. */
static void
test_every_pair (void)
{
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME);
  g_autoptr(GEnumClass) grounds = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_REPLY_GROUND);
  g_autoptr(GEnumClass) rows = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_REPORT_ROW);
  g_autoptr(GHashTable) rows_used = g_hash_table_new (NULL, NULL);
  guint valid = 0;

  for (guint o = 0; o < outcomes->n_values; o++)
    for (guint g = 0; g < grounds->n_values; g++)
      {
        CivicDisclosureReplyOutcome outcome = outcomes->values[o].value;
        CivicDisclosureReplyGround ground = grounds->values[g].value;
        g_autoptr(GError) error = NULL;
        gboolean valid_pair = civic_disclosure_request_reply_is_valid_pair (outcome, ground);
        const char *finding, *basis, *detail_label;
        gboolean required = FALSE;
        CivicDisclosureReportRow row;

        g_assert_cmpint (valid_pair, ==, in_table (outcome, ground));
        if (!valid_pair)
          {
            g_assert_false (civic_disclosure_request_reply_validate (outcome, ground, "x",
                                                                     &error));
            g_assert_error (error, CIVIC_DISCLOSURE_REPLY_ERROR,
                            CIVIC_DISCLOSURE_REPLY_ERROR_GROUND);
            continue;
          }

        valid++;
        finding = civic_disclosure_request_reply_get_finding (outcome, ground);
        basis = civic_disclosure_request_reply_get_basis (outcome, ground);
        row = civic_disclosure_request_reply_get_report_row (outcome, ground);
        detail_label = civic_disclosure_request_reply_get_detail_label (outcome, ground,
                                                                        &required);
        g_test_message ("%s/%s: (%d) %d %s", outcomes->values[o].value_nick,
                        grounds->values[g].value_nick,
                        civic_disclosure_report_row_get_section (row),
                        civic_disclosure_report_row_get_item (row), basis);

        g_assert_cmpuint (strlen (finding), >, 40);
        g_assert_true (g_str_has_suffix (finding, "."));
        g_assert_true (g_str_has_prefix (basis, "Regulations on Government Information "
                                                "Disclosure, Art"));
        g_assert_cmpuint (strlen (civic_disclosure_report_row_get_label (row)), >, 0);
        g_assert_cmpuint (strlen (civic_disclosure_reply_outcome_get_label (outcome)), >, 0);
        g_assert_cmpuint (strlen (civic_disclosure_reply_ground_get_label (ground)), >, 0);
        g_hash_table_add (rows_used, GINT_TO_POINTER (row));

        /* A required text has its place in the finding; without it, the
         * reply is refused. */
        g_assert_cmpuint (count_format_args (finding), ==, required ? 1 : 0);
        if (required)
          {
            g_assert_nonnull (detail_label);
            g_assert_false (civic_disclosure_request_reply_validate (outcome, ground, " ",
                                                                     &error));
            g_assert_error (error, CIVIC_DISCLOSURE_REPLY_ERROR,
                            CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL);
            g_clear_error (&error);
          }
        g_assert_true (civic_disclosure_request_reply_validate (outcome, ground,
                                                                detail_label ? "x" : NULL,
                                                                &error));
        g_assert_no_error (error);

        for (guint i = 0; i < G_N_ELEMENTS (table); i++)
          if (table[i].outcome == outcome && table[i].ground == ground)
            {
              g_assert_cmpint (civic_disclosure_report_row_get_section (row), ==,
                               table[i].section);
              g_assert_cmpint (civic_disclosure_report_row_get_item (row), ==, table[i].item);
              g_assert_cmpint (required, ==, table[i].detail_required);
            }
      }

  g_assert_cmpuint (valid, ==, G_N_ELEMENTS (table));
  /* Every row of the table counts some reply. */
  g_assert_cmpuint (g_hash_table_size (rows_used), ==, rows->n_values);
  for (guint s = 1; s <= 6; s++)
    g_assert_cmpuint (strlen (civic_disclosure_report_section_get_label (s)), >, 0);
}

/* The names on the wire */
static void
test_nicks (void)
{
  static const char * const outcome_nicks[] = {
    "disclose", "already-public", "partial", "withhold", "cannot-provide", "not-processed",
    "other",
  };
  static const char * const ground_nicks[] = {
    "none", "state-secret", "law-prohibits", "three-safeties", "third-party",
    "internal-affairs", "process-information", "enforcement-file", "administrative-query",
    "not-held", "not-this-organ", "needs-creating", "unclear-after-correction", "complaint",
    "repeated", "publication", "excessive", "confirm-or-reissue", "abandoned", "fee-unpaid",
  };
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME);
  g_autoptr(GEnumClass) grounds = g_type_class_ref (CIVIC_TYPE_DISCLOSURE_REPLY_GROUND);

  g_assert_cmpuint (outcomes->n_values, ==, G_N_ELEMENTS (outcome_nicks));
  for (guint i = 0; i < G_N_ELEMENTS (outcome_nicks); i++)
    g_assert_cmpstr (outcomes->values[i].value_nick, ==, outcome_nicks[i]);
  g_assert_cmpuint (grounds->n_values, ==, G_N_ELEMENTS (ground_nicks));
  for (guint i = 0; i < G_N_ELEMENTS (ground_nicks); i++)
    g_assert_cmpstr (grounds->values[i].value_nick, ==, ground_nicks[i]);
}

static void
assert_row (CivicDisclosureReplyOutcome  outcome,
            CivicDisclosureReplyGround   ground,
            CivicDisclosureReportRow     expected,
            int                          section,
            int                          item,
            const char                  *label)
{
  CivicDisclosureReportRow row = civic_disclosure_request_reply_get_report_row (outcome, ground);

  g_assert_cmpint (row, ==, expected);
  g_assert_cmpint (civic_disclosure_report_row_get_section (row), ==, section);
  g_assert_cmpint (civic_disclosure_report_row_get_item (row), ==, item);
  g_assert_cmpstr (civic_disclosure_report_row_get_label (row), ==, label);
}

static void
test_report_rows (void)
{
  assert_row (CIVIC_DISCLOSURE_REPLY_DISCLOSE, CIVIC_DISCLOSURE_GROUND_NONE,
              CIVIC_DISCLOSURE_ROW_DISCLOSED, 1, 0, "Disclosed");
  /* interpretation: the table has no row of its own for these two */
  assert_row (CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC, CIVIC_DISCLOSURE_GROUND_NONE,
              CIVIC_DISCLOSURE_ROW_DISCLOSED, 1, 0, "Disclosed");
  assert_row (CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN,
              CIVIC_DISCLOSURE_ROW_NOT_HELD, 4, 1,
              "This organ does not hold the government information");
  /* A separable request counts only as partly disclosed. */
  assert_row (CIVIC_DISCLOSURE_REPLY_PARTIAL, CIVIC_DISCLOSURE_GROUND_NONE,
              CIVIC_DISCLOSURE_ROW_PARTLY_DISCLOSED, 2, 0, "Partly disclosed");
  assert_row (CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_THIRD_PARTY,
              CIVIC_DISCLOSURE_ROW_WITHHELD_THIRD_PARTY, 3, 4,
              "Protecting the lawful rights and interests of a third party");
  assert_row (CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_ADMINISTRATIVE_QUERY,
              CIVIC_DISCLOSURE_ROW_WITHHELD_ADMINISTRATIVE_QUERY, 3, 8,
              "Administrative query matter");
  assert_row (CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE,
              CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION,
              CIVIC_DISCLOSURE_ROW_UNCLEAR_AFTER_CORRECTION, 4, 3,
              "Still unclear after correction");
  assert_row (CIVIC_DISCLOSURE_REPLY_NOT_PROCESSED, CIVIC_DISCLOSURE_GROUND_CONFIRM_OR_REISSUE,
              CIVIC_DISCLOSURE_ROW_CONFIRM_OR_REISSUE, 5, 5,
              "Asking the organ to confirm or reissue information already obtained");
  assert_row (CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_ABANDONED,
              CIVIC_DISCLOSURE_ROW_ABANDONED, 6, 1,
              "Not corrected in time without good reason; no longer processed");
  assert_row (CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_FEE_UNPAID,
              CIVIC_DISCLOSURE_ROW_FEE_UNPAID, 6, 2,
              "Fee not paid as the notice required; no longer processed");
  g_assert_cmpstr (civic_disclosure_report_section_get_label (3), ==, "Not disclosed");
}

static void
assert_refused (CivicDisclosureReplyOutcome  outcome,
                CivicDisclosureReplyGround   ground,
                const char                  *detail,
                int                          code,
                const char                  *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (civic_disclosure_request_reply_validate (outcome, ground, detail, &error));
  g_assert_error (error, CIVIC_DISCLOSURE_REPLY_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_invalid (void)
{
  assert_refused (CIVIC_DISCLOSURE_REPLY_DISCLOSE, CIVIC_DISCLOSURE_GROUND_STATE_SECRET, NULL,
                  CIVIC_DISCLOSURE_REPLY_ERROR_GROUND, "A reply “Disclose” gives no ground");
  assert_refused (CIVIC_DISCLOSURE_REPLY_OTHER, CIVIC_DISCLOSURE_GROUND_NONE, NULL,
                  CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                  "A reply “Otherwise handled” needs its ground: not corrected in time, "
                  "fee not paid");
  assert_refused (CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_REPEATED, NULL,
                  CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                  "“repeated application” is not a ground of a reply “Withhold”, which has "
                  "these: state secret, prohibited by law or administrative regulation, would "
                  "endanger security or stability, would harm a third party, internal affairs, "
                  "process information, law-enforcement case file, administrative query matter");
  assert_refused (CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE, CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN,
                  NULL, CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,
                  "Name the organ responsible for disclosing the information, and how to reach "
                  "it (Art. 36(5))");
  assert_refused (CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_THIRD_PARTY, "",
                  CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,
                  "Note the written consultation of the third party and its answer (Art. 32)");
  assert_refused (CIVIC_DISCLOSURE_REPLY_ALREADY_PUBLIC, CIVIC_DISCLOSURE_GROUND_NONE, "  ",
                  CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,
                  "Say where the information was published and how to obtain it (Art. 36(1))");
  assert_refused (CIVIC_DISCLOSURE_REPLY_WITHHOLD, CIVIC_DISCLOSURE_GROUND_STATE_SECRET,
                  "另见说明", CIVIC_DISCLOSURE_REPLY_ERROR_DETAIL,
                  "This reply carries no words of its own: its finding is the law’s");
  assert_refused (42, CIVIC_DISCLOSURE_GROUND_NONE, NULL, CIVIC_DISCLOSURE_REPLY_ERROR_OUTCOME,
                  "There is no such kind of reply");
  assert_refused (CIVIC_DISCLOSURE_REPLY_WITHHOLD, 42, NULL, CIVIC_DISCLOSURE_REPLY_ERROR_GROUND,
                  "There is no such ground of a reply");
}

static void
test_finding (void)
{
  g_autofree char *elsewhere = NULL;
  g_autofree char *disclosed = NULL;
  g_autofree char *plain = NULL;

  /* The official's full stop is the finding's. */
  elsewhere = civic_disclosure_request_reply_dup_finding (CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE,
                                                          CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN,
                                                          "湖南省自然资源厅（联系电话："
                                                          "0731-89991234）。 ");
  g_assert_cmpstr (elsewhere, ==,
                   "After examination, it is not for this organ to disclose the government "
                   "information you applied for. The organ responsible for disclosing it is "
                   "湖南省自然资源厅（联系电话：0731-89991234）; you may apply to it.");

  disclosed = civic_disclosure_request_reply_dup_finding (CIVIC_DISCLOSURE_REPLY_DISCLOSE,
                                                          CIVIC_DISCLOSURE_GROUND_NONE,
                                                          "It is enclosed with this reply.");
  g_assert_cmpstr (disclosed, ==,
                   "After examination, the government information you applied for can be "
                   "disclosed, and this organ discloses it to you. It is enclosed with this "
                   "reply.");

  plain = civic_disclosure_request_reply_dup_finding (CIVIC_DISCLOSURE_REPLY_WITHHOLD,
                                                      CIVIC_DISCLOSURE_GROUND_STATE_SECRET, NULL);
  g_assert_cmpstr (plain, ==,
                   "After examination, the government information you applied for has been "
                   "classified as a state secret according to law, and this organ will not "
                   "disclose it.");

  g_assert_cmpstr (civic_disclosure_request_reply_get_basis (CIVIC_DISCLOSURE_REPLY_WITHHOLD,
                                                             CIVIC_DISCLOSURE_GROUND_THIRD_PARTY),
                   ==, "Regulations on Government Information Disclosure, Arts. 15, 32 and 36(3)");
}

/* The reply document is Chinese: the findings read as a 告知书 does. */
static void
test_in_chinese (void)
{
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  locale_t previous;
  g_autofree char *elsewhere = NULL;
  g_autofree char *disclosed = NULL;

  if (zh == (locale_t) 0)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, CIVICDESK_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  previous = uselocale (zh);

  elsewhere = civic_disclosure_request_reply_dup_finding (CIVIC_DISCLOSURE_REPLY_CANNOT_PROVIDE,
                                                          CIVIC_DISCLOSURE_GROUND_NOT_THIS_ORGAN,
                                                          "湖南省自然资源厅（联系电话："
                                                          "0731-89991234）");
  disclosed = civic_disclosure_request_reply_dup_finding (CIVIC_DISCLOSURE_REPLY_DISCLOSE,
                                                          CIVIC_DISCLOSURE_GROUND_NONE,
                                                          "现随本答复书一并提供。");
  g_assert_cmpstr (elsewhere, ==,
                   "经审查，您申请公开的政府信息不属于本机关负责公开。负责公开该政府信息的"
                   "行政机关为湖南省自然资源厅（联系电话：0731-89991234），您可以向其提出申请。");
  g_assert_cmpstr (disclosed, ==,
                   "经审查，您申请公开的政府信息属于可以公开的政府信息，本机关决定予以公开。"
                   "现随本答复书一并提供。");
  g_assert_cmpstr (civic_disclosure_request_reply_get_basis (CIVIC_DISCLOSURE_REPLY_WITHHOLD,
                                                             CIVIC_DISCLOSURE_GROUND_THIRD_PARTY),
                   ==, "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项");
  g_assert_cmpstr (civic_disclosure_report_row_get_label (CIVIC_DISCLOSURE_ROW_WITHHELD_THIRD_PARTY),
                   ==, "保护第三方合法权益");
  g_assert_cmpstr (civic_disclosure_report_section_get_label (5), ==, "不予处理");

  uselocale (previous);
  freelocale (zh);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disclosure-request-reply/every-pair", test_every_pair);
  g_test_add_func ("/disclosure-request-reply/nicks", test_nicks);
  g_test_add_func ("/disclosure-request-reply/report-rows", test_report_rows);
  g_test_add_func ("/disclosure-request-reply/invalid", test_invalid);
  g_test_add_func ("/disclosure-request-reply/finding", test_finding);
  g_test_add_func ("/disclosure-request-reply/in-chinese", test_in_chinese);

  return g_test_run ();
}
