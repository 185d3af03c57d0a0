/* fuzz-privacy-findings.c — privacy findings from the wire, applied to a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-core.h"
#include "civic-fuzz.h"

/* Findings travel as JSON (civic_privacy_findings_to_json()): from an
 * older scan, from another program, from whoever wrote the request.
 * civic_privacy_redact() promises to check each one against the text
 * before it replaces anything — a finding that does not match, or that
 * overlaps another, fails the call instead of cutting a character in two.
 * The text is a real reply with a name, an ID number, a phone number, a
 * credit code and an e-mail address; the input is the findings. */

static const char *const text =
  "张三（公民身份号码110105194912310029，手机13812345678）：\n"
  "　　您于２０２６年３月２日提出的政府信息公开申请收悉。经查，长沙市某某餐饮有限公司"
  "（统一社会信用代码91430100MA4L0C7X5B）的食品经营许可信息已主动公开。"
  "如有疑问，请致电0731-88888888转123，或发送邮件至zhangsan@example.com。";

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  node = civic_json_parse ((const char *) data, size, NULL);
  if (node == NULL)
    return 0;

  findings = civic_privacy_findings_new_from_json (node, &error);
  if (findings == NULL)
    {
      civic_fuzz_assert (error != NULL);
      return 0;
    }

  for (int severity = CIVIC_PRIVACY_SEVERITY_INFO; severity <= CIVIC_PRIVACY_SEVERITY_BLOCK;
       severity++)
    {
      g_autoptr(GError) redact_error = NULL;
      g_autofree char *redacted = civic_privacy_redact (text, -1, findings, severity,
                                                        &redact_error);

      if (redacted != NULL)
        civic_fuzz_assert (g_utf8_validate (redacted, -1, NULL));
      else
        civic_fuzz_assert (redact_error != NULL);
    }

  civic_privacy_has_blocking (findings);
  return 0;
}
