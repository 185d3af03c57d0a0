/* test-privacy-lint.c — personal data found, spanned, explained and redacted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-core.h"

/* Helpers ----------------------------------------------------------------- */

/* Every finding of every test must point at exactly its text, in bytes and
 * in characters: the editor highlights by character, redaction cuts by
 * byte. */
static void
assert_spans_agree (const char *text,
                    GPtrArray  *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpuint (finding->byte_start, <, finding->byte_end);
      g_assert_cmpuint (finding->byte_end, <=, strlen (text));
      g_assert_cmpint (memcmp (text + finding->byte_start, finding->text,
                               finding->byte_end - finding->byte_start), ==, 0);
      g_assert_cmpuint (strlen (finding->text), ==, finding->byte_end - finding->byte_start);
      g_assert_cmpint (g_utf8_pointer_to_offset (text, text + finding->byte_start), ==,
                       finding->char_start);
      g_assert_cmpint (g_utf8_pointer_to_offset (text, text + finding->byte_end), ==,
                       finding->char_end);
      g_assert_nonnull (finding->redaction);
      g_assert_nonnull (finding->message);
      g_assert_cmpstr (finding->message, !=, "");

      if (i > 0)
        {
          const CivicPrivacyFinding *before = g_ptr_array_index (findings, i - 1);

          g_assert_cmpuint (before->byte_end, <=, finding->byte_start);
        }
    }
}

static GPtrArray *
scan_with (CivicPrivacyLint *lint,
           const char       *text)
{
  GPtrArray *findings = civic_privacy_lint_scan (lint, text, -1);

  g_assert_nonnull (findings);
  assert_spans_agree (text, findings);
  return findings;
}

static GPtrArray *
scan (const char *text)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();

  return scan_with (lint, text);
}

static void
assert_finding (const CivicPrivacyFinding *finding,
                CivicPrivacyKind           kind,
                CivicPrivacySeverity       severity,
                const char                *text)
{
  g_assert_nonnull (finding);
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND, finding->kind), ==,
                   civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND, kind));
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_PRIVACY_SEVERITY, finding->severity), ==,
                   civic_enum_to_nick (CIVIC_TYPE_PRIVACY_SEVERITY, severity));
  g_assert_cmpstr (finding->text, ==, text);
}

/* The text holds exactly one finding, and it is this one */
static void
assert_only (const char           *text,
             CivicPrivacyKind      kind,
             CivicPrivacySeverity  severity,
             const char           *match)
{
  g_autoptr(GPtrArray) findings = scan (text);

  if (findings->len != 1)
    g_error ("“%s”: expected one finding, got %u", text, findings->len);
  assert_finding (g_ptr_array_index (findings, 0), kind, severity, match);
}

static void
assert_clean (const char *text)
{
  g_autoptr(GPtrArray) findings = scan (text);

  if (findings->len != 0)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (findings, 0);

      g_error ("“%s”: expected no finding, got %s “%s”", text,
               civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND, finding->kind), finding->text);
    }
}

static gboolean
has_kind (GPtrArray        *findings,
          CivicPrivacyKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    if (((CivicPrivacyFinding *) g_ptr_array_index (findings, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static const CivicPrivacyFinding *
only_finding (GPtrArray *findings)
{
  g_assert_cmpuint (findings->len, ==, 1);
  return g_ptr_array_index (findings, 0);
}

/* Resident ID numbers ----------------------------------------------------- */

/* The four numbers the reference verified by script (GB 11643, MOD 11-2) */
static const char *valid_ids[] = {
  "11010519491231002X",
  "440524188001010014",
  "370101190102039973",
  "513101198201130014",
};

static void
test_resident_id_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("申请人身份证号码：%s。", valid_ids[i]);
      g_autoptr(GPtrArray) findings = scan (text);
      const CivicPrivacyFinding *finding = only_finding (findings);

      assert_finding (finding, CIVIC_PRIVACY_KIND_RESIDENT_ID,
                      CIVIC_PRIVACY_SEVERITY_BLOCK, valid_ids[i]);
      g_assert_false (finding->probable);
      assert_only (valid_ids[i], CIVIC_PRIVACY_KIND_RESIDENT_ID,
                   CIVIC_PRIVACY_SEVERITY_BLOCK, valid_ids[i]);
    }

  /* a lower-case x is how many people type the check character */
  assert_only ("11010519491231002x", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "11010519491231002x");
  /* 29 February of a leap year is a real birthday */
  assert_only ("430103200002291237", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430103200002291237");
}

static void
test_resident_id_wrong_check_digit (void)
{
  /* The same numbers with a wrong last character: still a person's number,
   * mistyped. (The replacement digits also fail the Luhn and credit-code
   * checks, which would take precedence.) */
  static const char *mistyped[] = {
    "110105194912310020",
    "44052418800101001X",
    "370101190102039970",
    "513101198201130013",
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistyped); i++)
    {
      g_autoptr(GPtrArray) findings = scan (mistyped[i]);
      const CivicPrivacyFinding *finding = only_finding (findings);

      assert_finding (finding, CIVIC_PRIVACY_KIND_RESIDENT_ID,
                      CIVIC_PRIVACY_SEVERITY_WARN, mistyped[i]);
      g_assert_true (finding->probable);
    }
}

static void
test_resident_id_invalid_date (void)
{
  static const char *not_dates[] = {
    "430103199002301234",  /* 30 February */
    "430103199013011234",  /* month 13 */
    "430103199000101234",  /* month 0 */
    "430103199004311234",  /* 31 April */
    "430103190002291234",  /* 1900 was not a leap year */
    "430103170001011234",  /* before 1800 */
    "430103219001011234",  /* after 2099 */
    "030103199003071230",  /* no area code begins with 0 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autoptr(GPtrArray) findings = scan (not_dates[i]);

      if (has_kind (findings, CIVIC_PRIVACY_KIND_RESIDENT_ID))
        g_error ("%s was taken for an ID number", not_dates[i]);
    }
}

static void
test_resident_id_grouped (void)
{
  assert_only ("身份证号 430103 19900307 1230 。", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430103 19900307 1230");
  assert_only ("身份证号430103-19900307-1230", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430103-19900307-1230");
  assert_only ("身份证号：430103 19900307 1234", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_WARN, "430103 19900307 1234");
  assert_only ("430102 19780601 201X", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430102 19780601 201X");
  /* an ideographic space and a full-width hyphen are separators too */
  assert_only ("430103　19900307－1230", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430103　19900307－1230");
}

static void
test_resident_id_boundaries (void)
{
  g_autoptr(GPtrArray) longer = scan ("11010519491231002X9");
  g_autoptr(GPtrArray) digit_before = scan ("911010519491231002X");

  assert_clean ("A11010519491231002X");
  assert_clean ("11010519491231002XA");
  assert_clean ("file11010519491231002X");
  g_assert_false (has_kind (longer, CIVIC_PRIVACY_KIND_RESIDENT_ID));
  g_assert_false (has_kind (digit_before, CIVIC_PRIVACY_KIND_RESIDENT_ID));

  /* punctuation, Chinese text and file-name underscores do end a number */
  assert_only ("（11010519491231002X）", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "11010519491231002X");
  assert_only ("ID:11010519491231002X;", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "11010519491231002X");
  assert_only ("张三_11010519491231002X.pdf", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "11010519491231002X");
  assert_only ("号码为11010519491231002X号", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "11010519491231002X");
}

static void
test_resident_id_full_width (void)
{
  const char *text = "身份证号：４４０５２４１８８００１０１００１４。";
  g_autoptr(GPtrArray) findings = scan (text);
  const CivicPrivacyFinding *finding = only_finding (findings);

  assert_finding (finding, CIVIC_PRIVACY_KIND_RESIDENT_ID, CIVIC_PRIVACY_SEVERITY_BLOCK,
                  "４４０５２４１８８００１０１００１４");
  /* five ideographs of 3 bytes; each full-width digit is 3 bytes too */
  g_assert_cmpuint (finding->char_start, ==, 5);
  g_assert_cmpuint (finding->char_end, ==, 23);
  g_assert_cmpuint (finding->byte_start, ==, 15);
  g_assert_cmpuint (finding->byte_end, ==, 69);
  g_assert_cmpstr (finding->redaction, ==, "＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊");

  /* mixed widths, and a full-width X */
  assert_only ("１１０１０５19491231002Ｘ", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "１１０１０５19491231002Ｘ");
}

static void
test_legacy_id (void)
{
  g_autoptr(GPtrArray) findings = scan ("旧身份证号430103900307123。");

  /* called an ID, it blocks like an 18-digit one; alone it is a shape */
  assert_finding (only_finding (findings), CIVIC_PRIVACY_KIND_LEGACY_ID,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "430103900307123");
  assert_only ("身份证号：430103900307123", CIVIC_PRIVACY_KIND_LEGACY_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430103900307123");
  assert_only ("编号430103900307123", CIVIC_PRIVACY_KIND_LEGACY_ID,
               CIVIC_PRIVACY_SEVERITY_WARN, "430103900307123");
  assert_only ("430103 900307 123", CIVIC_PRIVACY_KIND_LEGACY_ID,
               CIVIC_PRIVACY_SEVERITY_WARN, "430103 900307 123");
  assert_only ("４３０１０３９００３０７１２３", CIVIC_PRIVACY_KIND_LEGACY_ID,
               CIVIC_PRIVACY_SEVERITY_WARN, "４３０１０３９００３０７１２３");

  assert_clean ("430103900230123");   /* 30 February */
  assert_clean ("430103901307123");   /* month 13 */
  assert_clean ("030103900307123");   /* area code 0 */
  assert_clean ("4301039003071234");  /* 16 digits that fail Luhn */
}

/* Unified social credit codes --------------------------------------------- */

static void
test_credit_code_valid (void)
{
  /* The worked example of GB 32100 and two real county agencies */
  static const char *codes[] = {
    "91350100M000100Y43",
    "11450721MB15580811",
    "11450721348531435D",
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *text = g_strdup_printf ("统一社会信用代码：%s", codes[i]);
      g_autoptr(GPtrArray) findings = scan (text);
      const CivicPrivacyFinding *finding = only_finding (findings);

      assert_finding (finding, CIVIC_PRIVACY_KIND_CREDIT_CODE,
                      CIVIC_PRIVACY_SEVERITY_INFO, codes[i]);
      g_assert_false (finding->probable);
      g_assert_false (civic_privacy_has_blocking (findings));
    }
}

static void
test_credit_code_individual_business (void)
{
  g_autoptr(GPtrArray) findings = scan ("经营者：个体工商户，统一社会信用代码92430103MA4L8QX2XK。");
  const CivicPrivacyFinding *finding = only_finding (findings);

  assert_finding (finding, CIVIC_PRIVACY_KIND_CREDIT_CODE, CIVIC_PRIVACY_SEVERITY_WARN,
                  "92430103MA4L8QX2XK");
  g_assert_false (finding->probable);
}

static void
test_credit_code_wrong_check (void)
{
  g_autoptr(GPtrArray) company = scan ("91350100M000100Y44");
  g_autoptr(GPtrArray) individual = scan ("92430103MA4L8QX2XA");
  g_autoptr(GPtrArray) x_ending = scan ("11450721348531435X");
  const CivicPrivacyFinding *finding;

  /* Some codes really issued fail the check (reference §7.4): reported as
   * a probable code at the code's own severity, never as an ID number. */
  finding = only_finding (company);
  assert_finding (finding, CIVIC_PRIVACY_KIND_CREDIT_CODE, CIVIC_PRIVACY_SEVERITY_INFO,
                  "91350100M000100Y44");
  g_assert_true (finding->probable);

  finding = only_finding (individual);
  assert_finding (finding, CIVIC_PRIVACY_KIND_CREDIT_CODE, CIVIC_PRIVACY_SEVERITY_WARN,
                  "92430103MA4L8QX2XA");
  g_assert_true (finding->probable);

  /* 17 digits and an X, like an ID, but no birth date inside */
  finding = only_finding (x_ending);
  assert_finding (finding, CIVIC_PRIVACY_KIND_CREDIT_CODE, CIVIC_PRIVACY_SEVERITY_INFO,
                  "11450721348531435X");
  g_assert_true (finding->probable);
}

static void
test_credit_code_not_an_id (void)
{
  g_autoptr(GPtrArray) all_digits = scan ("114301199003071013");
  g_autoptr(GPtrArray) letter_check = scan ("11010519491231002B");

  /* A valid code of a 机关 whose digits 7–14 happen to read 1990-03-07:
   * the code's check holds and the ID's does not, so it is a code. */
  assert_finding (only_finding (all_digits), CIVIC_PRIVACY_KIND_CREDIT_CODE,
                  CIVIC_PRIVACY_SEVERITY_INFO, "114301199003071013");
  g_assert_false (((CivicPrivacyFinding *) g_ptr_array_index (all_digits, 0))->probable);

  assert_finding (only_finding (letter_check), CIVIC_PRIVACY_KIND_CREDIT_CODE,
                  CIVIC_PRIVACY_SEVERITY_INFO, "11010519491231002B");

  /* letters the standard leaves out (I, O, S, V, Z), an authority that does
   * not exist (B) and a category its authority does not have (97) */
  assert_clean ("91350100M000100O43");
  assert_clean ("91350100M000100S43");
  assert_clean ("B1350100M000100Y43");
  assert_clean ("97350100M000100Y43");
  assert_clean ("91350100m000100y43");
}

/* Bank cards -------------------------------------------------------------- */

static void
test_bank_card_luhn (void)
{
  static const char *cards[] = {
    "6222021234567894",     /* 16 */
    "62284800123456782",    /* 17 */
    "622848001234567894",   /* 18, no birth date inside */
    "6228480012345678911",  /* 19 */
    "4111111111111111",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autofree char *text = g_strdup_printf ("收款账号：%s，开户行：某银行", cards[i]);
      g_autoptr(GPtrArray) findings = scan (text);

      assert_finding (only_finding (findings), CIVIC_PRIVACY_KIND_BANK_CARD,
                      CIVIC_PRIVACY_SEVERITY_BLOCK, cards[i]);
    }

  assert_clean ("6222021234567895");      /* Luhn fails */
  assert_clean ("6228480012345678912");
  assert_clean ("0000000000000000");      /* passes Luhn, but no card starts with 0 */
  assert_clean ("622202123456789");       /* 15 digits: too short */
  assert_clean ("62220212345678901236");  /* 20 digits: too long */
}

static void
test_bank_card_grouped (void)
{
  g_autoptr(GPtrArray) wrong = scan ("6222 0312 3456 7895");

  assert_only ("卡号：6222 0212 3456 7894。", CIVIC_PRIVACY_KIND_BANK_CARD,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "6222 0212 3456 7894");
  assert_only ("6228 4800 1234 5678 911", CIVIC_PRIVACY_KIND_BANK_CARD,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "6228 4800 1234 5678 911");
  assert_only ("6222-0212-3456-7894", CIVIC_PRIVACY_KIND_BANK_CARD,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "6222-0212-3456-7894");
  assert_only ("6222 0212 3456 7894 ICBC", CIVIC_PRIVACY_KIND_BANK_CARD,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "6222 0212 3456 7894");
  assert_only ("６２２２　０２１２　３４５６　７８９４", CIVIC_PRIVACY_KIND_BANK_CARD,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "６２２２　０２１２　３４５６　７８９４");

  /* a failed card is not read as the phone number "0312-3456 7895" inside */
  g_assert_cmpuint (wrong->len, ==, 0);
  /* five groups of four are 20 digits, not a card */
  assert_clean ("6222 0212 3456 7894 1234");
}

/* Phone numbers ----------------------------------------------------------- */

static void
test_mobile_plain (void)
{
  assert_only ("联系电话13800138000", CIVIC_PRIVACY_KIND_MOBILE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "13800138000");
  for (char second = '3'; second <= '9'; second++)
    {
      char number[] = "13800138000";

      number[1] = second;
      assert_only (number, CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK, number);
    }
  assert_only ("１３８００１３８０００", CIVIC_PRIVACY_KIND_MOBILE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "１３８００１３８０００");

  assert_clean ("12800138000");   /* no 12x network */
  assert_clean ("10800138000");
  assert_clean ("1380013800");    /* 10 digits */
  assert_clean ("138001380001");  /* 12 digits */
}

static void
test_mobile_country_code_and_separators (void)
{
  static const char *forms[] = {
    "+86 138 0013 8000",
    "+86-13800138000",
    "+86 13800138000",
    "+8613800138000",
    "8613800138000",
    "0086 13800138000",
    "(+86)13800138000",
    "(+86) 138-0013-8000",
    "138 0013 8000",
    "138-0013-8000",
    "138—0013—8000",
    "＋８６　１３８　００１３　８０００",
    "（＋８６）１３８００１３８０００",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("请拨打%s联系", forms[i]);

      assert_only (text, CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK, forms[i]);
    }

  /* two numbers side by side are two numbers */
  {
    g_autoptr(GPtrArray) findings = scan ("13800138000 13900139000，15800158000、18600186000");

    g_assert_cmpuint (findings->len, ==, 4);
    assert_finding (g_ptr_array_index (findings, 1), CIVIC_PRIVACY_KIND_MOBILE,
                    CIVIC_PRIVACY_SEVERITY_BLOCK, "13900139000");
  }
}

static void
test_mobile_not_in_longer_run (void)
{
  assert_clean ("订单号213800138000");
  assert_clean ("订单号138001380001");
  assert_clean ("合计13800138000.50元");
  assert_clean ("合计13800138000元");
  assert_clean ("合计¥13800138000");
  assert_clean ("合计￥6222021234567894");
  assert_clean ("版本1.13800138000");
  assert_clean ("TEL13800138000");
  assert_clean ("138 0013 80001");
  assert_clean ("1380 013 8000");
}

static void
test_fixed_line (void)
{
  static const char *forms[] = {
    "0731-88881234",
    "0731 88881234",
    "(0731)88881234",
    "(0731) 8888 1234",
    "（0731）8888-1234",
    "0731-8888 1234",
    "0731-8888-1234",
    "0731-2345678",
    "010-62345678",
    "010-2345-6789",
    "021 6888 1234",
    "073188881234",
    "01062345678",
    "０７３１－８８８８１２３４",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("联系电话：%s。", forms[i]);

      assert_only (text, CIVIC_PRIVACY_KIND_FIXED_LINE, CIVIC_PRIVACY_SEVERITY_WARN, forms[i]);
    }

  assert_clean ("0731-12345678");   /* local numbers never begin with 1 */
  assert_clean ("0731-02345678");
  assert_clean ("0131-88881234");   /* no area code 01x but 010 */
  assert_clean ("0231-88881234");   /* 02x is complete in three digits */
  assert_clean ("0731-888812");     /* six digits */
  assert_clean ("0731-888812345");  /* nine digits */
  assert_clean ("731-88881234");
}

static void
test_fixed_line_extension (void)
{
  static const char *forms[] = {
    "0731-88881234-801",
    "0731-88881234转801",
    "0731-88881234 转 801",
    "0731-88881234分机801",
    "(0731)8888 1234转6",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("电话%s，工作日受理", forms[i]);

      assert_only (text, CIVIC_PRIVACY_KIND_FIXED_LINE, CIVIC_PRIVACY_SEVERITY_WARN, forms[i]);
    }

  assert_only ("(0731-88881234)", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_WARN, "0731-88881234");

  /* a number after a space is the next thing, not an extension */
  assert_only ("0731-88881234 801室", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_WARN, "0731-88881234");
}

/* E-mail ------------------------------------------------------------------ */

static void
test_email (void)
{
  assert_only ("zhangsan@example.com", CIVIC_PRIVACY_KIND_EMAIL, CIVIC_PRIVACY_SEVERITY_WARN,
               "zhangsan@example.com");
  assert_only ("联系邮箱：zhang.san+case@mail.example.com.cn。", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_WARN, "zhang.san+case@mail.example.com.cn");
  assert_only ("请发送至li_si-2026@163.com.", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "li_si-2026@163.com");
  assert_only ("邮箱（ｗａｎｇｗｕ＠ｅｘａｍｐｌｅ．ｃｎ）", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_WARN, "ｗａｎｇｗｕ＠ｅｘａｍｐｌｅ．ｃｎ");
  assert_only ("123456789@qq.com", CIVIC_PRIVACY_KIND_EMAIL, CIVIC_PRIVACY_SEVERITY_BLOCK,
               "123456789@qq.com");

  assert_clean ("user@localhost");
  assert_clean ("a@b");
  assert_clean ("@example.com");
  assert_clean ("name@.com");
  assert_clean ("name@example.c");
  assert_clean ("name@example.c0m");
  assert_clean ("微博@某某发布");
}

static void
test_overlap_email_with_mobile (void)
{
  g_autoptr(GPtrArray) findings = scan ("邮箱zhang.13800138000@example.com");
  g_autoptr(GPtrArray) webmail = scan ("邮箱13800138000@qq.com");

  /* the graver reading wins and the address stays legible around it */
  assert_finding (only_finding (findings), CIVIC_PRIVACY_KIND_MOBILE,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "13800138000");
  /* of two that block, the longer, so that nothing of either shows */
  assert_finding (only_finding (webmail), CIVIC_PRIVACY_KIND_EMAIL,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "13800138000@qq.com");
}

/* What a disclosure editor meets ------------------------------------------- */

static void
test_invisible_characters (void)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *redacted = NULL;
  g_autoptr(GError) error = NULL;

  /* a zero-width space pasted into a full-width number does not split it */
  assert_only ("身份证号：４３０１０３\u200B１９９００３０７１２３０", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "４３０１０３\u200B１９９００３０７１２３０");
  assert_only ("电话138\u00AD0013\u20608000", CIVIC_PRIVACY_KIND_MOBILE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "138\u00AD0013\u20608000");
  assert_only ("\uFEFF13800138000", CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK,
               "13800138000");

  /* the redaction takes the invisible character with it */
  findings = scan ("号码430103\u200D199003071230。");
  redacted = civic_privacy_redact ("号码430103\u200D199003071230。", -1, findings,
                                   CIVIC_PRIVACY_SEVERITY_BLOCK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redacted, ==, "号码******************。");
}

static void
test_resident_id_line_break (void)
{
  g_autoptr(GPtrArray) findings = NULL;

  assert_only ("公民身份号码43010319\n9003071230", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "43010319\n9003071230");
  assert_only ("身份证：430103199003\r\n  071230", CIVIC_PRIVACY_KIND_RESIDENT_ID,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "430103199003\r\n  071230");

  /* two numbers on two lines with a wrong check character are two numbers */
  assert_clean ("43010319\n9003071231");
  /* nor across two breaks, a paragraph */
  assert_clean ("43010319\n\n9003071230");
  /* nor from one table row to the next */
  assert_clean ("| 43010319 |\n| 9003071230 |");

  findings = scan ("43010319 9003071230");
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_certificates (void)
{
  assert_only ("护照号码E12345678", CIVIC_PRIVACY_KIND_CERTIFICATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "E12345678");
  assert_only ("往来港澳通行证C87654321", CIVIC_PRIVACY_KIND_CERTIFICATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "C87654321");
  assert_only ("台胞证号码12345678", CIVIC_PRIVACY_KIND_CERTIFICATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "12345678");
  assert_only ("残疾人证号43010419850312004512", CIVIC_PRIVACY_KIND_CERTIFICATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "43010419850312004512");
  assert_only ("护照：EA1234567", CIVIC_PRIVACY_KIND_CERTIFICATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "EA1234567");

  /* a bare passport shape only asks for a look */
  assert_only ("编号E12345678", CIVIC_PRIVACY_KIND_CERTIFICATE, CIVIC_PRIVACY_SEVERITY_WARN,
               "E12345678");

  /* the name of a certificate in a rule, with a document number after it */
  assert_clean ("《机动车驾驶证申领和使用规定》（公安部令第162号）");
  assert_clean ("居住证持有人可以在居住地申领。2026年12月1日起施行");
  /* the next clause is not the certificate's */
  assert_clean ("请携带护照。20261201");

  {
    g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
    g_autoptr(GPtrArray) findings = NULL;

    civic_privacy_lint_set_redaction (lint, CIVIC_PRIVACY_REDACTION_PARTIAL);
    findings = scan_with (lint, "护照号码E12345678");
    g_assert_cmpstr (only_finding (findings)->redaction, ==, "E******78");
  }
}

static void
test_email_personal_and_office (void)
{
  assert_only ("联系邮箱zhangsan1985@163.com", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "zhangsan1985@163.com");
  assert_only ("845612378@qq.com", CIVIC_PRIVACY_KIND_EMAIL, CIVIC_PRIVACY_SEVERITY_BLOCK,
               "845612378@qq.com");
  assert_only ("wang@vip.sina.com", CIVIC_PRIVACY_KIND_EMAIL, CIVIC_PRIVACY_SEVERITY_BLOCK,
               "wang@vip.sina.com");
  /* a QQ number at any domain */
  assert_only ("845612378@example.com", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "845612378@example.com");
  /* an organ's mailbox */
  assert_only ("政府信息公开邮箱：xxgk@hunan.gov.cn", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_INFO, "xxgk@hunan.gov.cn");
  /* anyone's, until the clause names a person */
  assert_only ("联系邮箱：contact@example.com", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_WARN, "contact@example.com");
  assert_only ("申请人的邮箱为lisi@example.com", CIVIC_PRIVACY_KIND_EMAIL,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "lisi@example.com");
  /* "qq.com" must be the domain, not the end of another */
  assert_only ("info@notqq.com", CIVIC_PRIVACY_KIND_EMAIL, CIVIC_PRIVACY_SEVERITY_WARN,
               "info@notqq.com");
}

static void
test_fixed_line_private (void)
{
  assert_only ("申请人李某某，家庭电话0731-84561234", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "0731-84561234");
  assert_only ("住宅电话：(0731) 8456 1234", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "(0731) 8456 1234");
  assert_only ("投诉人王某，电话0731-84561234", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "0731-84561234");
  /* an office's line, even in a sentence about applicants */
  assert_only ("申请人可拨打咨询电话0731-84446000", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_WARN, "0731-84446000");
  assert_only ("监督电话：0731-84446000", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_WARN, "0731-84446000");

  {
    g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
    g_autoptr(GPtrArray) findings = NULL;
    const char *allowed[] = { "0731-84446000", NULL };

    civic_privacy_lint_set_allowed_numbers (lint, allowed);
    findings = scan_with (lint, "监督电话：0731-84446000");
    g_assert_cmpuint (findings->len, ==, 0);
  }
}

static void
test_birth_date (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;

  assert_only ("王五，男，1985年3月12日出生", CIVIC_PRIVACY_KIND_BIRTH_DATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "1985年3月12日");
  assert_only ("出生日期：1990-03-07", CIVIC_PRIVACY_KIND_BIRTH_DATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "1990-03-07");
  assert_only ("李某，1992年11月3日生", CIVIC_PRIVACY_KIND_BIRTH_DATE,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "1992年11月3日");
  assert_only ("生于１９８８．０５．２０", CIVIC_PRIVACY_KIND_BIRTH_DATE,
               CIVIC_PRIVACY_SEVERITY_WARN, "１９８８．０５．２０");
  /* the customary year and month of a personnel announcement */
  assert_only ("张明，1975年3月生，中共党员", CIVIC_PRIVACY_KIND_BIRTH_DATE,
               CIVIC_PRIVACY_SEVERITY_INFO, "1975年3月");

  assert_clean ("成立于2001年5月8日");
  assert_clean ("本办法自2026年3月1日起施行");
  assert_clean ("出生日期：1990-02-30");  /* no such day */
  assert_clean ("1985年3月12日出台的规定");

  civic_privacy_lint_set_redaction (lint, CIVIC_PRIVACY_REDACTION_PARTIAL);
  findings = scan_with (lint, "王五，男，1985年3月12日出生");
  g_assert_cmpstr (only_finding (findings)->redaction, ==, "1985年*月**日");
}

static void
test_home_address (void)
{
  assert_only ("家住长沙市岳麓区麓山南路88号5栋2单元301室", CIVIC_PRIVACY_KIND_HOME_ADDRESS,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "88号5栋2单元301室");
  assert_only ("户籍地：湖南省浏阳市集里街道12号3栋", CIVIC_PRIVACY_KIND_HOME_ADDRESS,
               CIVIC_PRIVACY_SEVERITY_BLOCK, "12号3栋");
  assert_only ("申请人张某，通信地址长沙市开福区芙蓉中路一段8号华远小区2栋1203室",
               CIVIC_PRIVACY_KIND_HOME_ADDRESS, CIVIC_PRIVACY_SEVERITY_BLOCK,
               "8号华远小区2栋1203室");

  /* a service window's address */
  assert_clean ("受理地点：长沙市岳麓区金星中路383号区人社局304室");
  assert_clean ("办公地址：长沙市天心区城南西路1号8栋502室");
  /* a road and number, without a building's unit, is not a home */
  assert_clean ("家住长沙市岳麓区麓山南路88号");
  /* a document number is not a street number */
  assert_clean ("湘政发〔2026〕3号");

  {
    g_autoptr(GPtrArray) findings = scan ("家住麓山南路88号5栋2单元301室。");

    g_assert_cmpstr (only_finding (findings)->redaction, ==, "**号*栋*单元***室");
  }
}

/* The public data a disclosure is made of passes untouched, or only for a
 * look */
static void
test_public_data_passes (void)
{
  static const char *clean[] = {
    "湘政发〔2026〕3号",
    "索引号：HNZC2026-0123",
    "项目代码2026-430104-48-01-012345",
    "全省地区生产总值增长4.8%，总量50012.85亿元。",
    "受理地点：长沙市岳麓区金星中路383号区人社局304室",
    "成立于2001年5月8日",
    "《湖南省人民政府办公厅关于印发〈湖南省政务服务事项目录〉的通知》",
  };

  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    assert_clean (clean[i]);

  assert_only ("监督电话：0731-84446000", CIVIC_PRIVACY_KIND_FIXED_LINE,
               CIVIC_PRIVACY_SEVERITY_WARN, "0731-84446000");
  assert_only ("统一社会信用代码91350100M000100Y43", CIVIC_PRIVACY_KIND_CREDIT_CODE,
               CIVIC_PRIVACY_SEVERITY_INFO, "91350100M000100Y43");
}

/* Names ------------------------------------------------------------------- */

static void
test_names (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;
  const char *names[] = { "张三", " 李四 ", "欧阳娜娜", "张三", "", "王", NULL };
  const char *text = "申请人张三，委托代理人李四。经审查，张三与欧阳娜娜的申请……";

  civic_privacy_lint_set_names (lint, names);
  civic_privacy_lint_set_redaction (lint, CIVIC_PRIVACY_REDACTION_PARTIAL);
  g_assert_cmpstrv (civic_privacy_lint_get_names (lint),
                    ((const char * const[]) { "张三", "李四", "欧阳娜娜", "王", NULL }));

  findings = scan_with (lint, text);
  g_assert_cmpuint (findings->len, ==, 4);
  assert_finding (g_ptr_array_index (findings, 0), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "张三");
  assert_finding (g_ptr_array_index (findings, 1), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "李四");
  assert_finding (g_ptr_array_index (findings, 2), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "张三");
  assert_finding (g_ptr_array_index (findings, 3), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "欧阳娜娜");

  /* the surname stays and the given name's length does not show */
  g_assert_cmpstr (((CivicPrivacyFinding *) g_ptr_array_index (findings, 0))->redaction, ==,
                   "张**");
  g_assert_cmpstr (((CivicPrivacyFinding *) g_ptr_array_index (findings, 3))->redaction, ==,
                   "欧**");
  g_assert_cmpuint (((CivicPrivacyFinding *) g_ptr_array_index (findings, 2))->char_start,
                    ==, 18);
  g_assert_cmpuint (((CivicPrivacyFinding *) g_ptr_array_index (findings, 2))->byte_start,
                    ==, 54);
}

static void
test_names_padded (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;

  /* a form pads two-character names to the width of three */
  civic_privacy_lint_set_names (lint, (const char * const[]) { "张三", "欧阳娜娜", NULL });
  findings = scan_with (lint, "姓　　名：张　三\n代理人：欧阳 娜娜\n张   三");
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (g_ptr_array_index (findings, 0), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "张　三");
  assert_finding (g_ptr_array_index (findings, 1), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "欧阳 娜娜");
}

static void
test_names_overlap_and_words (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) nested = NULL;
  g_autoptr(GPtrArray) latin = NULL;

  civic_privacy_lint_set_names (lint, (const char * const[]) { "小明", "王小明", NULL });
  nested = scan_with (lint, "王小明和小明");
  g_assert_cmpuint (nested->len, ==, 2);
  assert_finding (g_ptr_array_index (nested, 0), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "王小明");
  assert_finding (g_ptr_array_index (nested, 1), CIVIC_PRIVACY_KIND_PERSON_NAME,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "小明");

  /* a Latin name is a whole word: "Li Leia" is someone else */
  civic_privacy_lint_set_names (lint, (const char * const[]) { "Li Lei", NULL });
  latin = scan_with (lint, "Li Lei, Li Leia, XLi Lei and Li Lei.");
  g_assert_cmpuint (latin->len, ==, 2);
  g_assert_cmpuint (((CivicPrivacyFinding *) g_ptr_array_index (latin, 0))->char_start, ==, 0);
  g_assert_cmpuint (((CivicPrivacyFinding *) g_ptr_array_index (latin, 1))->char_start, ==, 29);
  g_assert_cmpstr (((CivicPrivacyFinding *) g_ptr_array_index (latin, 1))->redaction, ==,
                   "***");
}

/* Allowed numbers --------------------------------------------------------- */

static void
test_allowed_numbers (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) reverse = NULL;
  g_autoptr(GPtrArray) hotline = NULL;
  const char *text = "咨询电话：073188881234；监督电话：(0731)8888 1234转801；"
                     "值班电话：0731-88885678；手机：13800138000、13900139000；"
                     "缴费账户：6222 0212 3456 7894";

  civic_privacy_lint_set_allowed_numbers (lint, (const char * const[]) {
    "0731-8888 1234", "+86 138 0013 8000", "6222021234567894", NULL
  });
  findings = scan_with (lint, text);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (g_ptr_array_index (findings, 0), CIVIC_PRIVACY_KIND_FIXED_LINE,
                  CIVIC_PRIVACY_SEVERITY_WARN, "0731-88885678");
  assert_finding (g_ptr_array_index (findings, 1), CIVIC_PRIVACY_KIND_MOBILE,
                  CIVIC_PRIVACY_SEVERITY_BLOCK, "13900139000");

  /* digits only, either way round, and international writing */
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const[]) {
    "073188881234", "+86 731 8888 5678", NULL
  });
  reverse = scan_with (lint, "电话：0731-8888 1234，0731－88885678");
  g_assert_cmpuint (reverse->len, ==, 0);

  /* an allowed number never excuses an ID number made of the same digits */
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const[]) {
    "11010519491231002X", NULL
  });
  hotline = scan_with (lint, "11010519491231002X");
  g_assert_cmpuint (hotline->len, ==, 1);
}

/* Clean text -------------------------------------------------------------- */

static void
test_clean_text (void)
{
  static const char *texts[] = {
    "根据《中华人民共和国政府信息公开条例》第十五条、第三十七条的规定，现予公开。",
    "依据《中华人民共和国行政许可法》第32条、第42条第一款作出决定。",
    "2026年3月2日",
    "2026-03-02",
    "2026/03/02 14:30:00",
    "20260302",
    "2025-2026学年",
    "办公时间：上午9:00-12:00，下午14:30-17:30（法定节假日除外）",
    "0830-1200、1430-1730",
    "¥12,345.67",
    "￥1,234,567.00元",
    "1234567元",
    "合计人民币12345678901234.56元",
    "湘政发〔2026〕3号",
    "国办发明电〔2024〕12号",
    "长政办函〔2025〕108号",
    "邮政编码：410011",
    "政务服务便民热线12345",
    "占比98.5%，同比增长12.3个百分点",
    "项目编号：HNZC2026-0123，包号：01",
    "第1页 共12页",
    "ISBN 978-7-301-12345-6",
    "http://www.hunan.gov.cn/xxgk/2026/0302/index.html",
    "圆周率3.14159265358979323846",
    "一二三四五六七八九十",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_clean (texts[i]);
}

/* Spans ------------------------------------------------------------------- */

static const char *mixed_text =
  "申请人张三，身份证号11010519491231002X，电话138 0013 8000。";

static CivicPrivacyLint *
mixed_lint (CivicPrivacyRedaction redaction)
{
  CivicPrivacyLint *lint = civic_privacy_lint_new ();

  civic_privacy_lint_set_names (lint, (const char * const[]) { "张三", NULL });
  civic_privacy_lint_set_redaction (lint, redaction);
  return lint;
}

static void
test_spans_cjk (void)
{
  g_autoptr(CivicPrivacyLint) lint = mixed_lint (CIVIC_PRIVACY_REDACTION_FULL);
  g_autoptr(GPtrArray) findings = scan_with (lint, mixed_text);
  const CivicPrivacyFinding *name, *id, *mobile;

  g_assert_cmpuint (findings->len, ==, 3);
  name = g_ptr_array_index (findings, 0);
  id = g_ptr_array_index (findings, 1);
  mobile = g_ptr_array_index (findings, 2);

  assert_finding (name, CIVIC_PRIVACY_KIND_PERSON_NAME, CIVIC_PRIVACY_SEVERITY_BLOCK, "张三");
  g_assert_cmpuint (name->char_start, ==, 3);
  g_assert_cmpuint (name->char_end, ==, 5);
  g_assert_cmpuint (name->byte_start, ==, 9);
  g_assert_cmpuint (name->byte_end, ==, 15);

  assert_finding (id, CIVIC_PRIVACY_KIND_RESIDENT_ID, CIVIC_PRIVACY_SEVERITY_BLOCK,
                  "11010519491231002X");
  g_assert_cmpuint (id->char_start, ==, 10);
  g_assert_cmpuint (id->char_end, ==, 28);
  g_assert_cmpuint (id->byte_start, ==, 30);
  g_assert_cmpuint (id->byte_end, ==, 48);

  assert_finding (mobile, CIVIC_PRIVACY_KIND_MOBILE, CIVIC_PRIVACY_SEVERITY_BLOCK,
                  "138 0013 8000");
  g_assert_cmpuint (mobile->char_start, ==, 31);
  g_assert_cmpuint (mobile->char_end, ==, 44);
  g_assert_cmpuint (mobile->byte_start, ==, 57);
  g_assert_cmpuint (mobile->byte_end, ==, 70);
}

static void
test_spans_length (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  const char *text = "电话13800138000，备用13900139000";
  g_autoptr(GPtrArray) all = civic_privacy_lint_scan (lint, text, -1);
  /* only the first 17 bytes: the second number is not part of the text */
  g_autoptr(GPtrArray) head = civic_privacy_lint_scan (lint, text, 17);
  /* cut inside a number, the number is not whole and not found */
  g_autoptr(GPtrArray) cut = civic_privacy_lint_scan (lint, text, 16);

  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (head->len, ==, 1);
  g_assert_cmpuint (((CivicPrivacyFinding *) g_ptr_array_index (head, 0))->byte_end, ==, 17);
  g_assert_cmpuint (cut->len, ==, 0);
}

/* Redaction --------------------------------------------------------------- */

static char *
redaction_of (CivicPrivacyRedaction  policy,
              const char            *text)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;

  civic_privacy_lint_set_redaction (lint, policy);
  findings = scan_with (lint, text);
  g_assert_cmpuint (findings->len, ==, 1);
  return g_strdup (((CivicPrivacyFinding *) g_ptr_array_index (findings, 0))->redaction);
}

static void
assert_redactions (const char *text,
                   const char *full,
                   const char *partial)
{
  g_autofree char *got_full = redaction_of (CIVIC_PRIVACY_REDACTION_FULL, text);
  g_autofree char *got_partial = redaction_of (CIVIC_PRIVACY_REDACTION_PARTIAL, text);

  g_assert_cmpstr (got_full, ==, full);
  g_assert_cmpstr (got_partial, ==, partial);
}

static void
test_redaction_masks (void)
{
  assert_redactions ("430103199003071230",
                     "******************", "430103********1230");
  assert_redactions ("430103 19900307 1230",
                     "****** ******** ****", "430103 ******** 1230");
  assert_redactions ("430103900307123",
                     "***************", "430103******123");
  assert_redactions ("13812345678",
                     "***********", "138****5678");
  assert_redactions ("+86 138 0013 8000",
                     "+86 *** **** ****", "+86 138 **** 8000");
  assert_redactions ("１３８００１３８０００",
                     "＊＊＊＊＊＊＊＊＊＊＊", "１３８＊＊＊＊８０００");
  assert_redactions ("0731-88881234",
                     "****-********", "0731-****1234");
  assert_redactions ("(0731)8888 1234转801",
                     "(****)**** ****转***", "(0731)**** 1234转***");
  assert_redactions ("6222 0212 3456 7894",
                     "**** **** **** ****", "6222 **** **** 7894");
  assert_redactions ("6228480012345678911",
                     "*******************", "6228***********8911");
  assert_redactions ("zhangsan@example.com",
                     "***", "zh***@example.com");
  assert_redactions ("ab@example.com",
                     "***", "a***@example.com");
  assert_redactions ("91350100M000100Y43",
                     "******************", "91350100**********");
}

static void
test_redact_apply (void)
{
  g_autoptr(CivicPrivacyLint) full_lint = mixed_lint (CIVIC_PRIVACY_REDACTION_FULL);
  g_autoptr(CivicPrivacyLint) partial_lint = mixed_lint (CIVIC_PRIVACY_REDACTION_PARTIAL);
  g_autoptr(GPtrArray) full = scan_with (full_lint, mixed_text);
  g_autoptr(GPtrArray) partial = scan_with (partial_lint, mixed_text);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *partial_text = NULL;

  full_text = civic_privacy_redact (mixed_text, -1, full, CIVIC_PRIVACY_SEVERITY_INFO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (full_text, ==, "申请人***，身份证号******************，电话*** **** ****。");

  partial_text = civic_privacy_redact (mixed_text, -1, partial, CIVIC_PRIVACY_SEVERITY_INFO,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (partial_text, ==, "申请人张**，身份证号110105********002X，电话138 **** 8000。");

  /* what is left blocks nothing */
  again = scan_with (partial_lint, partial_text);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_redact_min_severity_and_selection (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  const char *text = "企业91350100M000100Y43，电话0731-88881234，手机13800138000。";
  g_autoptr(GPtrArray) findings = scan_with (lint, text);
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *blocking = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *nothing = NULL;

  g_assert_cmpuint (findings->len, ==, 3);

  blocking = civic_privacy_redact (text, -1, findings, CIVIC_PRIVACY_SEVERITY_BLOCK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (blocking, ==, "企业91350100M000100Y43，电话0731-88881234，手机***********。");

  warnings = civic_privacy_redact (text, -1, findings, CIVIC_PRIVACY_SEVERITY_WARN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warnings, ==, "企业91350100M000100Y43，电话****-********，手机***********。");

  /* the official ticked only the credit code */
  g_ptr_array_add (selection, g_ptr_array_index (findings, 0));
  selected = civic_privacy_redact (text, -1, selection, CIVIC_PRIVACY_SEVERITY_INFO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (selected, ==, "企业******************，电话0731-88881234，手机13800138000。");

  g_ptr_array_set_size (selection, 0);
  nothing = civic_privacy_redact (text, -1, selection, CIVIC_PRIVACY_SEVERITY_INFO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nothing, ==, text);
}

static void
test_redact_stale_findings (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  const char *text = "手机13800138000，身份证11010519491231002X。";
  g_autoptr(GPtrArray) findings = scan_with (lint, text);
  g_autoptr(GPtrArray) overlapping = g_ptr_array_new_with_free_func (
    (GDestroyNotify) civic_privacy_finding_free);
  g_autoptr(GError) error = NULL;
  char *redacted;
  CivicPrivacyFinding *copy;

  /* the text was edited since the scan */
  redacted = civic_privacy_redact ("手机13900139000，身份证11010519491231002X。", -1, findings,
                                   CIVIC_PRIVACY_SEVERITY_INFO, &error);
  g_assert_error (error, CIVIC_PRIVACY_ERROR, CIVIC_PRIVACY_ERROR_SPAN);
  g_assert_null (redacted);
  g_clear_error (&error);

  /* …and became shorter */
  redacted = civic_privacy_redact ("手机13800138000", -1, findings,
                                   CIVIC_PRIVACY_SEVERITY_INFO, &error);
  g_assert_error (error, CIVIC_PRIVACY_ERROR, CIVIC_PRIVACY_ERROR_SPAN);
  g_assert_null (redacted);
  g_clear_error (&error);

  /* two findings over the same characters */
  g_ptr_array_add (overlapping, civic_privacy_finding_copy (g_ptr_array_index (findings, 0)));
  copy = civic_privacy_finding_copy (g_ptr_array_index (findings, 0));
  g_ptr_array_add (overlapping, copy);
  redacted = civic_privacy_redact (text, -1, overlapping, CIVIC_PRIVACY_SEVERITY_INFO, &error);
  g_assert_error (error, CIVIC_PRIVACY_ERROR, CIVIC_PRIVACY_ERROR_OVERLAP);
  g_assert_null (redacted);
}

static void
test_has_blocking (void)
{
  g_autoptr(GPtrArray) empty = scan ("本机关依法作出如下决定。");
  g_autoptr(GPtrArray) warn_only = scan ("电话0731-88881234，代码91350100M000100Y43");
  g_autoptr(GPtrArray) blocking = scan ("电话0731-88881234，手机13800138000");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *redacted = NULL;

  g_assert_false (civic_privacy_has_blocking (empty));
  g_assert_cmpuint (warn_only->len, ==, 2);
  g_assert_false (civic_privacy_has_blocking (warn_only));
  g_assert_true (civic_privacy_has_blocking (blocking));

  redacted = civic_privacy_redact ("电话0731-88881234，手机13800138000", -1, blocking,
                                   CIVIC_PRIVACY_SEVERITY_BLOCK, &error);
  g_assert_no_error (error);
  after = scan (redacted);
  g_assert_false (civic_privacy_has_blocking (after));
  g_assert_cmpuint (after->len, ==, 1);
}

/* Wire format ------------------------------------------------------------- */

static const char *every_kind_text =
  "申请人张三（身份证号11010519491231002X，旧证430103900307123），手机+86 138 0013 8000，"
  "电话（0731）8888 1234转801，邮箱zhangsan@example.com，银行卡6222 0212 3456 7894，"
  "个体户代码92430103MA4L8QX2XK，企业代码91350100M000100Y44，误写身份证110105194912310020。";

static void
test_json_round_trip (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) read_back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonNode) node_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  civic_privacy_lint_set_names (lint, (const char * const[]) { "张三", NULL });
  civic_privacy_lint_set_redaction (lint, CIVIC_PRIVACY_REDACTION_PARTIAL);
  findings = scan_with (lint, every_kind_text);
  g_assert_cmpuint (findings->len, ==, 10);

  node = civic_privacy_findings_to_json (findings);
  json = civic_json_to_string (node, FALSE);
  parsed = civic_json_parse (json, -1, &error);
  g_assert_no_error (error);
  read_back = civic_privacy_findings_new_from_json (parsed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read_back);
  g_assert_cmpuint (read_back->len, ==, findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      const CivicPrivacyFinding *a = g_ptr_array_index (findings, i);
      const CivicPrivacyFinding *b = g_ptr_array_index (read_back, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->severity, ==, b->severity);
      g_assert_cmpint (a->probable, ==, b->probable);
      g_assert_cmpuint (a->byte_start, ==, b->byte_start);
      g_assert_cmpuint (a->byte_end, ==, b->byte_end);
      g_assert_cmpuint (a->char_start, ==, b->char_start);
      g_assert_cmpuint (a->char_end, ==, b->char_end);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpstr (a->redaction, ==, b->redaction);
      g_assert_cmpstr (a->message, ==, b->message);
    }

  node_again = civic_privacy_findings_to_json (read_back);
  json_again = civic_json_to_string (node_again, FALSE);
  g_assert_cmpstr (json_again, ==, json);

  /* and the findings read back still redact the text they came from */
  {
    g_autofree char *redacted = civic_privacy_redact (every_kind_text, -1, read_back,
                                                      CIVIC_PRIVACY_SEVERITY_INFO, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (redacted, "申请人张**（身份证号110105********002X"));
  }
}

static void
test_json_single_finding (void)
{
  g_autoptr(GPtrArray) findings = scan ("身份证号：４４０５２４１８８００１０１００１４");
  g_autoptr(JsonNode) node = civic_privacy_finding_to_json (g_ptr_array_index (findings, 0));
  g_autoptr(CivicPrivacyFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "resident-id");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "block");
  g_assert_false (json_object_get_boolean_member (object, "probable"));
  g_assert_cmpint (json_object_get_int_member (object, "char_start"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "char_end"), ==, 23);
  g_assert_cmpint (json_object_get_int_member (object, "byte_start"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (object, "byte_end"), ==, 69);
  g_assert_true (json_object_has_member (object, "message"));

  finding = civic_privacy_finding_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (finding->text, ==, "４４０５２４１８８００１０１００１４");

  /* copies are deep and boxed */
  {
    CivicPrivacyFinding *boxed = g_boxed_copy (CIVIC_TYPE_PRIVACY_FINDING, finding);

    g_assert_true (boxed->text != finding->text);
    g_assert_cmpstr (boxed->text, ==, finding->text);
    g_boxed_free (CIVIC_TYPE_PRIVACY_FINDING, boxed);
  }
}

static const char *valid_finding_json =
  "{\"kind\":\"mobile\",\"severity\":\"block\",\"probable\":false,"
  "\"byte_start\":6,\"byte_end\":17,\"char_start\":2,\"char_end\":13,"
  "\"text\":\"13800138000\",\"redaction\":\"***********\"}";

static void
assert_malformed (const char *json,
                  int         code,
                  const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = civic_json_parse (json, -1, &error);
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_no_error (error);
  findings = civic_privacy_findings_new_from_json (node, &error);
  g_assert_null (findings);
  g_assert_error (error, CIVIC_JSON_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” should mention “%s”", error->message, message_part);
}

static void
test_json_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(JsonNode) empty_node = civic_json_parse ("[]", -1, &error);
  g_autofree char *valid_list = g_strdup_printf ("[%s]", valid_finding_json);
  g_autoptr(JsonNode) valid_node = civic_json_parse (valid_list, -1, &error);
  g_autoptr(GPtrArray) valid = NULL;
  g_autoptr(GPtrArray) scanned = scan ("13800138000");

  g_assert_no_error (error);
  empty = civic_privacy_findings_new_from_json (empty_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
  valid = civic_privacy_findings_new_from_json (valid_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (valid->len, ==, 1);
  /* the message is explained again, not taken from the wire */
  g_assert_cmpstr (((CivicPrivacyFinding *) g_ptr_array_index (valid, 0))->message, ==,
                   ((CivicPrivacyFinding *) g_ptr_array_index (scanned, 0))->message);

  assert_malformed ("{}", CIVIC_JSON_ERROR_TYPE, "list");
  assert_malformed ("[1]", CIVIC_JSON_ERROR_TYPE, "Finding 1");
  assert_malformed ("[{\"severity\":\"block\"}]", CIVIC_JSON_ERROR_MISSING, "“kind”");
  assert_malformed ("[{\"kind\":\"passport\",\"severity\":\"block\"}]",
                    CIVIC_JSON_ERROR_VALUE, "“passport”");
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":3}]", CIVIC_JSON_ERROR_TYPE,
                    "“severity”");
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"fatal\"}]", CIVIC_JSON_ERROR_VALUE,
                    "“fatal”");

  /* the second element is the bad one, and the error says so */
  {
    g_autofree char *json = g_strdup_printf (
      "[%s,{\"kind\":\"mobile\",\"severity\":\"block\",\"byte_start\":-1,\"byte_end\":17,"
      "\"char_start\":2,\"char_end\":13,\"text\":\"13800138000\",\"redaction\":\"*\"}]",
      valid_finding_json);

    assert_malformed (json, CIVIC_JSON_ERROR_VALUE, "Finding 2: “byte_start”");
  }

  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"block\",\"byte_start\":6,"
                    "\"byte_end\":18,\"char_start\":2,\"char_end\":13,"
                    "\"text\":\"13800138000\",\"redaction\":\"*\"}]",
                    CIVIC_JSON_ERROR_VALUE, "“byte_end”");
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"block\",\"byte_start\":6,"
                    "\"byte_end\":17,\"char_start\":2,\"char_end\":12,"
                    "\"text\":\"13800138000\",\"redaction\":\"*\"}]",
                    CIVIC_JSON_ERROR_VALUE, "“char_end”");
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"block\",\"byte_start\":6,"
                    "\"byte_end\":6,\"char_start\":2,\"char_end\":2,"
                    "\"text\":\"\",\"redaction\":\"*\"}]",
                    CIVIC_JSON_ERROR_VALUE, "“text”");
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"block\",\"byte_start\":6,"
                    "\"byte_end\":17,\"char_start\":2,\"char_end\":13,"
                    "\"text\":\"13800138000\"}]",
                    CIVIC_JSON_ERROR_MISSING, "“redaction”");
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"block\",\"probable\":\"no\","
                    "\"byte_start\":6,\"byte_end\":17,\"char_start\":2,\"char_end\":13,"
                    "\"text\":\"13800138000\",\"redaction\":\"*\"}]",
                    CIVIC_JSON_ERROR_TYPE, "“probable”");
  /* a character offset can never exceed the byte offset */
  assert_malformed ("[{\"kind\":\"mobile\",\"severity\":\"block\",\"byte_start\":6,"
                    "\"byte_end\":17,\"char_start\":7,\"char_end\":18,"
                    "\"text\":\"13800138000\",\"redaction\":\"*\"}]",
                    CIVIC_JSON_ERROR_VALUE, "“char_start”");

  g_assert_null (civic_privacy_finding_new_from_json (NULL, &error));
  g_assert_error (error, CIVIC_JSON_ERROR, CIVIC_JSON_ERROR_TYPE);
}

/* Labels, messages, settings ---------------------------------------------- */

static void
test_labels_and_messages (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = NULL;
  GEnumClass *kinds = g_type_class_ref (CIVIC_TYPE_PRIVACY_KIND);
  GEnumClass *severities = g_type_class_ref (CIVIC_TYPE_PRIVACY_SEVERITY);
  GHashTable *messages = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < kinds->n_values; i++)
    g_assert_cmpstr (civic_privacy_kind_get_label (kinds->values[i].value), !=, "");
  for (guint i = 0; i < severities->n_values; i++)
    g_assert_cmpstr (civic_privacy_severity_get_label (severities->values[i].value), !=, "");
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND,
                                       CIVIC_PRIVACY_KIND_RESIDENT_ID), ==, "resident-id");
  g_assert_cmpstr (civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND,
                                       CIVIC_PRIVACY_KIND_PERSON_NAME), ==, "person-name");

  /* every finding says which article makes it matter, and the variants of
   * one kind say different things */
  civic_privacy_lint_set_names (lint, (const char * const[]) { "张三", NULL });
  findings = scan_with (lint, every_kind_text);
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind != CIVIC_PRIVACY_KIND_CREDIT_CODE)
        g_assert_nonnull (strstr (finding->message, "Art."));
      g_hash_table_add (messages, (gpointer) finding->message);
    }
  g_assert_cmpuint (g_hash_table_size (messages), ==, 10);

  g_hash_table_unref (messages);
  g_type_class_unref (kinds);
  g_type_class_unref (severities);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_lint_properties (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_auto(GStrv) names = NULL;
  CivicPrivacyRedaction redaction;
  guint notified = 0;

  g_signal_connect (lint, "notify", G_CALLBACK (count_notify), &notified);

  g_assert_cmpint (civic_privacy_lint_get_redaction (lint), ==, CIVIC_PRIVACY_REDACTION_FULL);
  g_assert_cmpuint (g_strv_length ((GStrv) civic_privacy_lint_get_names (lint)), ==, 0);
  g_assert_cmpuint (g_strv_length ((GStrv) civic_privacy_lint_get_allowed_numbers (lint)), ==, 0);

  civic_privacy_lint_set_redaction (lint, CIVIC_PRIVACY_REDACTION_FULL);
  g_assert_cmpuint (notified, ==, 0);
  g_object_set (lint, "redaction", CIVIC_PRIVACY_REDACTION_PARTIAL, NULL);
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (lint, "names", (const char * const[]) { "张三", NULL }, NULL);
  g_assert_cmpuint (notified, ==, 2);
  civic_privacy_lint_set_names (lint, (const char * const[]) { " 张三", NULL });
  g_assert_cmpuint (notified, ==, 2);
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const[]) { "12345", NULL });
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const[]) { "12345", NULL });
  g_assert_cmpuint (notified, ==, 3);
  civic_privacy_lint_set_allowed_numbers (lint, NULL);
  g_assert_cmpuint (notified, ==, 4);

  g_object_get (lint, "redaction", &redaction, "names", &names, NULL);
  g_assert_cmpint (redaction, ==, CIVIC_PRIVACY_REDACTION_PARTIAL);
  g_assert_cmpstrv (names, ((const char * const[]) { "张三", NULL }));
}

/* Speed ------------------------------------------------------------------- */

/* GCC says AddressSanitizer with __SANITIZE_ADDRESS__, clang with
 * __has_feature. */
#if defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define CIVIC_TEST_SANITIZED 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__)
# define CIVIC_TEST_SANITIZED 1
#endif

static gboolean
running_slowly (void)
{
#if defined(CIVIC_TEST_SANITIZED)
  return TRUE;
#else
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload != NULL && strstr (preload, "vgpreload") != NULL;
#endif
}

static void
test_performance (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 best = G_MAXINT64;
  guint expected = 0;

  civic_privacy_lint_set_names (lint, (const char * const[]) { "张三", "李四", "王五", NULL });
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const[]) { "0731-88881234", NULL });
  while (text->len < 100 * 1024)
    {
      g_string_append (text,
                       "根据《中华人民共和国政府信息公开条例》第二十七条、第三十三条的规定，"
                       "本机关于2026年3月2日收到您提交的政府信息公开申请（湘政公开〔2026〕12号），"
                       "申请公开2025年度财政专项资金使用情况，金额合计¥12,345,678.90元。"
                       "咨询电话：0731-88881234，邮政编码410011。\n");
      if (text->len % 7 == 0)
        {
          g_string_append (text, "申请人张三，身份证号11010519491231002X，手机138 0013 8000。\n");
          expected += 3;
        }
    }

  for (guint run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) findings = civic_privacy_lint_scan (lint, text->str, text->len);
      gint64 elapsed = g_get_monotonic_time () - start;

      g_assert_cmpuint (findings->len, ==, expected);
      best = MIN (best, elapsed);
    }

  g_test_message ("scanned %zu bytes (%u findings) in %" G_GINT64_FORMAT " µs",
                  text->len, expected, best);
  if (!running_slowly ())
    g_assert_cmpint (best, <, 10 * 1000);
}

/* Corpus ------------------------------------------------------------------ */

/* tests/data/privacy/NAME.txt is a document as an agency would publish it;
 * NAME.expected lists what the lint must find in it, in order, one per
 * line as "<kind> <severity> <text>", after the lines "name <name>" and
 * "allow <number>" that set up the lint as the case would. */
static void
check_corpus_file (const char *dir,
                   const char *file,
                   guint      *n_clean,
                   guint      *n_personal)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *stem = g_strndup (file, strlen (file) - strlen (".txt"));
  g_autofree char *expected_file = g_strconcat (stem, ".expected", NULL);
  g_autofree char *expected_path = g_build_filename (dir, expected_file, NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) allowed = g_ptr_array_new ();
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (expected_path, &expected_text, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (expected_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_has_prefix (line, "name "))
        g_ptr_array_add (names, (gpointer) (line + strlen ("name ")));
      else if (g_str_has_prefix (line, "allow "))
        g_ptr_array_add (allowed, (gpointer) (line + strlen ("allow ")));
      else
        g_string_append_printf (expected, "%s\n", line);
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (allowed, NULL);

  civic_privacy_lint_set_names (lint, (const char * const *) names->pdata);
  civic_privacy_lint_set_allowed_numbers (lint, (const char * const *) allowed->pdata);
  findings = scan_with (lint, text);
  for (guint i = 0; i < findings->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (findings, i);

      g_auto(GStrv) lines_of_text = g_strsplit (finding->text, "\n", -1);
      g_autofree char *one_line = g_strjoinv ("\\n", lines_of_text);

      /* a number broken across a line is written with "\n" */
      g_string_append_printf (actual, "%s %s %s\n",
                              civic_enum_to_nick (CIVIC_TYPE_PRIVACY_KIND, finding->kind),
                              civic_enum_to_nick (CIVIC_TYPE_PRIVACY_SEVERITY, finding->severity),
                              one_line);
    }

  if (!g_str_equal (actual->str, expected->str))
    g_error ("%s: expected\n%sbut found\n%s", file, expected->str, actual->str);

  if (findings->len == 0)
    (*n_clean)++;
  else
    (*n_personal)++;

  /* Whichever policy redacts it, the published text has nothing left */
  for (CivicPrivacyRedaction policy = CIVIC_PRIVACY_REDACTION_FULL;
       policy <= CIVIC_PRIVACY_REDACTION_PARTIAL; policy++)
    {
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autofree char *redacted = NULL;

      civic_privacy_lint_set_redaction (lint, policy);
      before = scan_with (lint, text);
      redacted = civic_privacy_redact (text, -1, before, CIVIC_PRIVACY_SEVERITY_INFO, &error);
      g_assert_no_error (error);
      again = scan_with (lint, redacted);
      if (again->len != 0)
        g_error ("%s: “%s” survives redaction", file,
                 ((CivicPrivacyFinding *) g_ptr_array_index (again, 0))->text);
    }
}

static void
test_corpus (void)
{
  const char *data = g_getenv ("CIVICDESK_TEST_DATA");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_clean = 0, n_personal = 0;
  const char *file;

  g_assert_nonnull (data);
  dir = g_build_filename (data, "privacy", NULL);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((file = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (file, ".txt"))
      g_ptr_array_add (files, g_strdup (file));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < files->len; i++)
    {
      g_test_message ("corpus: %s", (char *) g_ptr_array_index (files, i));
      check_corpus_file (dir, g_ptr_array_index (files, i), &n_clean, &n_personal);
    }

  g_assert_cmpuint (files->len, >=, 12);
  g_assert_cmpuint (n_clean, >=, 6);
  g_assert_cmpuint (n_personal, >=, 6);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/resident-id/valid", test_resident_id_valid);
  g_test_add_func ("/privacy/resident-id/wrong-check-digit", test_resident_id_wrong_check_digit);
  g_test_add_func ("/privacy/resident-id/invalid-date", test_resident_id_invalid_date);
  g_test_add_func ("/privacy/resident-id/grouped", test_resident_id_grouped);
  g_test_add_func ("/privacy/resident-id/boundaries", test_resident_id_boundaries);
  g_test_add_func ("/privacy/resident-id/full-width", test_resident_id_full_width);
  g_test_add_func ("/privacy/legacy-id", test_legacy_id);
  g_test_add_func ("/privacy/credit-code/valid", test_credit_code_valid);
  g_test_add_func ("/privacy/credit-code/individual-business",
                   test_credit_code_individual_business);
  g_test_add_func ("/privacy/credit-code/wrong-check", test_credit_code_wrong_check);
  g_test_add_func ("/privacy/credit-code/not-an-id", test_credit_code_not_an_id);
  g_test_add_func ("/privacy/bank-card/luhn", test_bank_card_luhn);
  g_test_add_func ("/privacy/bank-card/grouped", test_bank_card_grouped);
  g_test_add_func ("/privacy/mobile/plain", test_mobile_plain);
  g_test_add_func ("/privacy/mobile/country-code-and-separators",
                   test_mobile_country_code_and_separators);
  g_test_add_func ("/privacy/mobile/not-in-longer-run", test_mobile_not_in_longer_run);
  g_test_add_func ("/privacy/fixed-line/forms", test_fixed_line);
  g_test_add_func ("/privacy/fixed-line/extension", test_fixed_line_extension);
  g_test_add_func ("/privacy/email", test_email);
  g_test_add_func ("/privacy/overlap/email-with-mobile", test_overlap_email_with_mobile);
  g_test_add_func ("/privacy/invisible-characters", test_invisible_characters);
  g_test_add_func ("/privacy/resident-id/line-break", test_resident_id_line_break);
  g_test_add_func ("/privacy/certificates", test_certificates);
  g_test_add_func ("/privacy/email/personal-and-office", test_email_personal_and_office);
  g_test_add_func ("/privacy/fixed-line/private", test_fixed_line_private);
  g_test_add_func ("/privacy/birth-date", test_birth_date);
  g_test_add_func ("/privacy/home-address", test_home_address);
  g_test_add_func ("/privacy/public-data-passes", test_public_data_passes);
  g_test_add_func ("/privacy/names/occurrences", test_names);
  g_test_add_func ("/privacy/names/padded", test_names_padded);
  g_test_add_func ("/privacy/names/overlap-and-words", test_names_overlap_and_words);
  g_test_add_func ("/privacy/allowed-numbers", test_allowed_numbers);
  g_test_add_func ("/privacy/clean-text", test_clean_text);
  g_test_add_func ("/privacy/spans/cjk", test_spans_cjk);
  g_test_add_func ("/privacy/spans/length", test_spans_length);
  g_test_add_func ("/privacy/redaction/masks", test_redaction_masks);
  g_test_add_func ("/privacy/redaction/apply", test_redact_apply);
  g_test_add_func ("/privacy/redaction/min-severity-and-selection",
                   test_redact_min_severity_and_selection);
  g_test_add_func ("/privacy/redaction/stale-findings", test_redact_stale_findings);
  g_test_add_func ("/privacy/has-blocking", test_has_blocking);
  g_test_add_func ("/privacy/json/round-trip", test_json_round_trip);
  g_test_add_func ("/privacy/json/single-finding", test_json_single_finding);
  g_test_add_func ("/privacy/json/malformed", test_json_malformed);
  g_test_add_func ("/privacy/labels-and-messages", test_labels_and_messages);
  g_test_add_func ("/privacy/lint/properties", test_lint_properties);
  g_test_add_func ("/privacy/performance", test_performance);
  g_test_add_func ("/privacy/corpus", test_corpus);

  return g_test_run ();
}
